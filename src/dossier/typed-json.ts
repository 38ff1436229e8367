// Stored runs hold typed arrays (PSA draws, cohort traces). IndexedDB keeps them natively; JSON files carry each
// as {"$float64": "<base64 of the little-endian bytes>"}: exact to the bit and about a third of the size of
// decimal text. encodeTypedArrays/decodeTypedArrays convert a whole results object either way.
import { base64 } from '@scure/base';

const TAG = '$float64';

export class TypedJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TypedJsonError';
  }
}

function isLittleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

export function float64ToBase64(values: Float64Array): string {
  const copy = Float64Array.from(values);
  const bytes = new Uint8Array(copy.buffer);
  if (!isLittleEndian()) for (let i = 0; i < bytes.length; i += 8) bytes.subarray(i, i + 8).reverse();
  return base64.encode(bytes);
}

export function base64ToFloat64(text: string, path = ''): Float64Array {
  let bytes: Uint8Array;
  try {
    bytes = base64.decode(text);
  } catch {
    throw new TypedJsonError(`${path || 'value'}: not valid base64 data`);
  }
  if (bytes.length % 8 !== 0) throw new TypedJsonError(`${path || 'value'}: ${bytes.length} bytes is not a whole number of 8-byte numbers`);
  const own = new Uint8Array(bytes);
  if (!isLittleEndian()) for (let i = 0; i < own.length; i += 8) own.subarray(i, i + 8).reverse();
  return new Float64Array(own.buffer, 0, own.length / 8);
}

/** A JSON-ready copy: every Float64Array becomes {"$float64": base64}; other values are copied as they are. */
export function encodeTypedArrays(value: unknown): unknown {
  if (value instanceof Float64Array) return { [TAG]: float64ToBase64(value) };
  if (ArrayBuffer.isView(value)) return encodeTypedArrays(Float64Array.from(value as unknown as ArrayLike<number>));
  if (Array.isArray(value)) return value.map(encodeTypedArrays);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeTypedArrays(v);
    return out;
  }
  return value;
}

function isTagged(value: unknown): value is { [TAG]: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === TAG && typeof (value as Record<string, unknown>)[TAG] === 'string';
}

/** The inverse of encodeTypedArrays; throws TypedJsonError (with the path) on malformed data. */
export function decodeTypedArrays(value: unknown, path = ''): unknown {
  if (isTagged(value)) return base64ToFloat64(value[TAG], path);
  if (Array.isArray(value)) return value.map((v, i) => decodeTypedArrays(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decodeTypedArrays(v, path ? `${path}.${k}` : k);
    return out;
  }
  return value;
}
