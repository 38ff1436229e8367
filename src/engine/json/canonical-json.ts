// Canonical JSON of a model document and its SHA-256: the identity a stored run, a version and a report cite.
// Canonical form: object keys sorted by UTF-16 code units, no whitespace, numbers as JavaScript prints them
// (the JSON Canonicalization Scheme, RFC 8785, for the values a model file can hold). Two documents that differ
// only in key order or formatting have the same hash.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

function write(value: unknown, path: string, out: string[]): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path || 'the document'}: ${value} is not a finite number`);
      out.push(Object.is(value, -0) ? '0' : JSON.stringify(value));
      return;
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'object': {
      if (Array.isArray(value)) {
        out.push('[');
        value.forEach((item, i) => {
          if (i > 0) out.push(',');
          write(item === undefined ? null : item, `${path}[${i}]`, out);
        });
        out.push(']');
        return;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      out.push('{');
      keys.forEach((key, i) => {
        if (i > 0) out.push(',');
        out.push(JSON.stringify(key), ':');
        write(record[key], path ? `${path}.${key}` : key, out);
      });
      out.push('}');
      return;
    }
    default:
      throw new CanonicalJsonError(`${path || 'the document'}: a ${typeof value} cannot be written as JSON`);
  }
}

/** The canonical JSON text of a JSON value (throws CanonicalJsonError on NaN, Infinity, functions, …). */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, '', out);
  return out.join('');
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of a text. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The SHA-256 (hex) of a model document's canonical JSON. */
export function modelDocumentHash(document: unknown): string {
  return sha256Hex(canonicalJson(document));
}
