import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, modelDocumentHash, sha256Hex } from '../../../src/engine/json/canonical-json';

describe('canonical JSON and model hashes', () => {
  it('sorts keys at every depth, drops whitespace and undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ z: true, y: null }, 'x'], c: undefined })).toBe('{"a":[{"y":null,"z":true},"x"],"b":1}');
  });

  it('writes numbers as JavaScript prints them, -0 as 0', () => {
    expect(canonicalJson([1e21, 0.1, -0, 1.5e-7, 100])).toBe('[1e+21,0.1,0,1.5e-7,100]');
  });

  it('refuses values JSON cannot hold, naming where', () => {
    expect(() => canonicalJson({ a: { b: Number.NaN } })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: { b: Number.POSITIVE_INFINITY } })).toThrow('a.b: Infinity is not a finite number');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('f: a function cannot be written as JSON');
  });

  it('hashes with SHA-256 (FIPS 180-2 test vector)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives one hash per document whatever the key order or formatting, another after any change', () => {
    const text = readFileSync('resources/examples/hiv-chancellor-1997.json', 'utf8');
    const doc = JSON.parse(text) as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    expect(modelDocumentHash(reordered)).toBe(modelDocumentHash(doc));
    expect(modelDocumentHash(JSON.parse(JSON.stringify(doc)))).toMatch(/^[0-9a-f]{64}$/);
    const edited = JSON.parse(text) as { parameters: { value?: number }[] };
    edited.parameters[0]!.value = (edited.parameters[0]!.value ?? 0) + 1e-12;
    expect(modelDocumentHash(edited)).not.toBe(modelDocumentHash(doc));
  });
});
