// The speed work of issue 16 must not move a single bit: every bundled example (and the benchmark's models),
// evaluated on 1,600 random draws (their PSA sampler's draws, or inputs x U(0.85, 1.15) for models without
// distributions), must give exactly the doubles the engine gave before that work (tests/fixtures/perf-golden.json,
// written by tests/engine/golden/generate-golden.ts from that engine).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_DRAWS, GOLDEN_SEED, discountedFingerprint, fullFingerprint, goldenCase, goldenModels, goldenRecord, totalsOnlyFingerprint } from './golden/result-fingerprint';
import type { GoldenFixture } from './golden/result-fingerprint';

const fixture = JSON.parse(readFileSync(resolve(__dirname, '..', 'fixtures', 'perf-golden.json'), 'utf8')) as GoldenFixture;
const models = goldenModels();
// The liquid-biopsy hybrid's 1,600 draws take tens of seconds on a shared 2-core machine.
const SLOW_MODEL_TIMEOUT_MS = 600_000;

describe('engine results are bit-identical to the engine before the speed work', () => {
  it('covers every bundled example with 1,600 draws (guards against a silently smaller test)', () => {
    expect(fixture.seed).toBe(GOLDEN_SEED);
    expect(models.map(([name]) => name).sort()).toEqual(Object.keys(fixture.models).sort());
    const examples = models.filter(([name]) => name.endsWith('.json') && fixture.models[name]!.draws === GOLDEN_DRAWS);
    expect(examples.length).toBeGreaterThanOrEqual(8);
    expect(examples.map(([name]) => name)).toEqual(expect.arrayContaining(['hiv-chancellor-1997.json', 'liquid-biopsy-nsclc.json', 'total-hip-replacement.json']));
  });

  it.each(models)('%s', (name, json, draws) => {
    const golden = fixture.models[name]!;
    expect(draws).toBe(golden.draws);
    const c = goldenCase(name, json, draws);
    expect(c.kind).toBe(golden.kind);
    // The draws themselves (sampler output) are unchanged, so a difference below is the evaluation's.
    expect(c.drawsHash).toBe(golden.drawsHash);
    const out = c.compiled.createResult();
    const mismatches: string[] = [];
    const errors: Record<string, string> = {};
    for (let d = 0; d < draws && mismatches.length < 5; d++) {
      const r = goldenRecord(c.compiled, c.params(d), out);
      if (r.error) errors[d] = r.error;
      const expected = golden.hashes.slice(8 * d, 8 * d + 8);
      if (r.hash !== expected) mismatches.push(`draw ${d}: ${r.hash} (expected ${expected})`);
    }
    expect(mismatches).toEqual([]);
    expect(errors).toEqual(golden.errors);
    const base = c.compiled.evaluate(c.compiled.baseParameters());
    expect(base.strategies.map((s) => ({ ...s.totals }))).toEqual(golden.baseTotals);
  }, SLOW_MODEL_TIMEOUT_MS);

  // What a PSA, DSA or EVPPI evaluates: the same totals and costs by category, and the same failures, as the full
  // evaluation checked above (whose fingerprints cover them).
  it.each(models)('%s: totals-only results equal full results', (name, json, draws) => {
    const c = goldenCase(name, json, draws);
    const full = c.compiled.createResult();
    const totalsOnly = c.compiled.createResult({ totalsOnly: true });
    expect(totalsOnly.totalsOnly).toBe(true);
    const mismatches: string[] = [];
    for (let d = 0; d < draws && mismatches.length < 5; d++) {
      const p = c.params(d);
      const a = goldenRecord(c.compiled, p, totalsOnly);
      const b = goldenRecord(c.compiled, p, full);
      const expected = b.error ? b : { hash: totalsOnlyFingerprint(full).slice(0, 8) };
      if (JSON.stringify(a) !== JSON.stringify(expected)) mismatches.push(`draw ${d}: ${JSON.stringify(a)} (full: ${JSON.stringify(expected)})`);
    }
    expect(mismatches).toEqual([]);
  }, SLOW_MODEL_TIMEOUT_MS);

  // What a PSA, DSA or EVPPI evaluates now: the discounted totals and costs by category of a full evaluation.
  it.each(models)('%s: discounted-only results equal the discounted values of full results', (name, json, draws) => {
    const c = goldenCase(name, json, draws);
    const full = c.compiled.createResult();
    const discounted = c.compiled.createResult({ totalsOnly: true, discountedOnly: true });
    expect(discounted.discountedOnly).toBe(true);
    const mismatches: string[] = [];
    for (let d = 0; d < draws && mismatches.length < 5; d++) {
      const p = c.params(d);
      const a = goldenRecord(c.compiled, p, discounted);
      const b = goldenRecord(c.compiled, p, full);
      const expected = b.error ? b : { hash: discountedFingerprint(full).slice(0, 8) };
      if (JSON.stringify(a) !== JSON.stringify(expected)) mismatches.push(`draw ${d}: ${JSON.stringify(a)} (full: ${JSON.stringify(expected)})`);
    }
    expect(mismatches).toEqual([]);
  }, SLOW_MODEL_TIMEOUT_MS);

  it('tells results apart (a one-ulp change of one input moves the fingerprint)', () => {
    const [name, json] = models.find(([n]) => n === 'hiv-chancellor-1997.json')!;
    const c = goldenCase(name, json, 2);
    const p = c.params(1);
    const a = fullFingerprint(c.compiled.evaluate(p));
    const slot = c.compiled.parameterIndex.get('cost_dm_A')!;
    p[slot] = p[slot]! * (1 + Number.EPSILON);
    expect(fullFingerprint(c.compiled.evaluate(p))).not.toBe(a);
  });
});
