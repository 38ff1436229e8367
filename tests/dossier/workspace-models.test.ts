import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appInfo } from '../../src/dossier/app-info';
import { buildDossierFile, serializeFile } from '../../src/dossier/file-format';
import { formatProblem, parseDossierFile } from '../../src/dossier/parse-file';
import { base64ToFloat64, decodeTypedArrays, encodeTypedArrays, float64ToBase64, TypedJsonError } from '../../src/dossier/typed-json';
import type { ModelBundle } from '../../src/dossier/workspace-models';
import { modelDocumentHash } from '../../src/engine/json/canonical-json';
import { ENGINE_VERSION } from '../../src/engine/version';
import { T0, validDossier } from './fixtures';

function bundle(): ModelBundle {
  const document = JSON.parse(readFileSync('resources/examples/hiv-chancellor-1997.json', 'utf8')) as Record<string, never>;
  const hash = modelDocumentHash(document);
  return {
    model: { id: 'm-1', title: 'HIV', createdAt: T0, updatedAt: T0, origin: { kind: 'example', ref: 'hiv-chancellor-1997.json' }, document },
    versions: [{ id: 'v-1', modelId: 'm-1', name: 'As published', note: '', createdAt: T0, hash, automatic: false, document }],
    history: [{ modelId: 'm-1', at: T0, path: 'parameters[#cost_zidovudine].value', before: 2278, after: 2300, summary: 'Zidovudine cost 2278 → 2300', source: 'edit' }],
    runs: [
      {
        id: 'r-1',
        modelId: 'm-1',
        kind: 'psa',
        label: 'PSA, 3 draws, seed 1',
        modelHash: hash,
        appVersion: appInfo.version,
        engineVersion: ENGINE_VERSION,
        startedAt: T0,
        durationMs: 12.5,
        status: 'complete',
        seed: 1,
        iterations: 3,
        completedIterations: 3,
        inputs: { wtp: [20000] },
        results: encodeTypedArrays({ strategyIds: ['mono', 'comb'], costs: new Float64Array([1, 2, 3, 4, 5, 6]) }) as never,
      },
    ],
  };
}

describe('dossier files with models (format version 2)', () => {
  it('round-trips a model with its version, history and a run whose draws are bit-exact', () => {
    const text = serializeFile(buildDossierFile(validDossier(), appInfo, T0, [bundle()]));
    const r = parseDossierFile(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.models).toEqual([bundle()]);
    const results = decodeTypedArrays(r.file.models[0]!.runs[0]!.results) as { costs: Float64Array };
    expect(Array.from(results.costs)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('locates every inconsistency: duplicate ids, items of another model, a bad hash, a document that is not a model', () => {
    const b = bundle();
    const file = JSON.parse(serializeFile(buildDossierFile(validDossier(), appInfo, T0, [b, bundle()]))) as { models: Record<string, unknown>[] };
    const second = file.models[1] as { runs: { modelId: string; modelHash: string }[]; model: { document: Record<string, unknown> } };
    second.runs[0]!.modelId = 'm-9';
    second.runs[0]!.modelHash = 'abc';
    second.model.document.format = 'something-else';
    const r = parseDossierFile(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const found = r.problems.map(formatProblem);
    expect(found).toContain('models[1].runs[0].modelHash: expected a SHA-256 hash (64 lower-case hex digits)');
    expect(found).toContain('models[1].model.document: not an HTA Workbench model: "format" must be "hta-workbench-model"');
    // Cross-item rules run once the items themselves are valid.
    second.runs[0]!.modelHash = b.runs[0]!.modelHash;
    second.model.document.format = 'hta-workbench-model';
    const again = parseDossierFile(JSON.stringify(file));
    expect(again.ok ? [] : again.problems.map(formatProblem)).toEqual(['models[1].model.id: duplicate model id "m-1"', 'models[1].runs[0].modelId: belongs to model "m-9", not to "m-1"']);
  });
});

describe('typed arrays in JSON', () => {
  it('keeps every bit: -0, subnormals, extremes and NaN', () => {
    const values = new Float64Array([-0, 5e-324, Number.MAX_VALUE, -1.5, Number.NaN, 0.1 + 0.2]);
    const back = base64ToFloat64(float64ToBase64(values));
    expect(new Uint8Array(back.buffer)).toEqual(new Uint8Array(values.buffer));
  });

  it('encodes nested arrays and decodes them back, leaving other values alone', () => {
    const value = { a: [new Float64Array([1, 2])], b: { c: 'x', d: 3, e: null } };
    const json = JSON.parse(JSON.stringify(encodeTypedArrays(value))) as unknown;
    expect(json).toEqual({ a: [{ $float64: float64ToBase64(new Float64Array([1, 2])) }], b: { c: 'x', d: 3, e: null } });
    expect(decodeTypedArrays(json)).toEqual(value);
  });

  it('names the place of malformed data', () => {
    expect(() => decodeTypedArrays({ runs: [{ costs: { $float64: 'AAAA' } }] })).toThrow(new TypedJsonError('runs[0].costs: 3 bytes is not a whole number of 8-byte numbers'));
    expect(() => decodeTypedArrays({ x: { $float64: '@@' } })).toThrow('x: not valid base64 data');
  });
});
