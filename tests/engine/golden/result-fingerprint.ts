// Fingerprints of engine results for the bit-identity test of the speed work (issue 16): every number a result
// holds (totals, per-category and per-cycle arrays, trace, the partitioned-survival and tree extras), hashed as
// IEEE-754 bytes, so two fingerprints agree only when every double is the same bit for bit. The hash is a fast
// non-cryptographic one (two FNV-1a style 32-bit lanes over 32-bit words): it only has to tell results apart.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CompiledModel, ModelResult, StrategyResult } from '../../../src/engine/compiled-model';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import { ModelEvaluationError } from '../../../src/engine/errors';
import { createPsaSetup } from '../../../src/engine/psa/psa-setup';
import { sampledParameterNames } from '../../../src/engine/uncertainty/sampled-parameters';
import type { PsaSetup } from '../../../src/engine/psa/psa-setup';
import { strategyDetails } from '../../../src/engine/tree/strategy-details';
import { syntheticModel } from '../../../bench/markov-bench';

const TOTAL_KEYS = ['cost', 'costUndiscounted', 'qalys', 'qalysUndiscounted', 'lifeYears', 'lifeYearsUndiscounted', 'effect', 'effectUndiscounted'] as const;
const DISCOUNTED_KEYS = ['cost', 'qalys', 'lifeYears', 'effect'] as const;
const ARRAY_KEYS = ['costByCategory', 'costByCategoryUndiscounted', 'trace', 'costPerCycle', 'costPerCycleDiscounted', 'qalysPerCycle', 'qalysPerCycleDiscounted', 'lifeYearsPerCycle', 'lifeYearsPerCycleDiscounted'] as const;

/** 64-bit hash (two 32-bit lanes) of 32-bit words, as 16 hex digits. */
class WordHash {
  private a = 0x811c9dc5;
  private b = 0x01000193;

  words(w: Uint32Array): this {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < w.length; i++) {
      a = Math.imul(a ^ w[i]!, 0x01000193);
      b = Math.imul((b ^ w[i]!) + (b << 7), 0x5bd1e995) ^ (b >>> 15);
    }
    this.a = a;
    this.b = b;
    return this;
  }

  numbers(values: ArrayLike<number>): this {
    const a = values instanceof Float64Array ? values : Float64Array.from(values);
    return this.words(new Uint32Array(a.buffer, a.byteOffset, a.length * 2)).words(Uint32Array.of(a.length));
  }

  text(s: string): this {
    return this.words(Uint32Array.from(s, (c) => c.charCodeAt(0)));
  }

  hex(): string {
    return ((this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0'));
  }
}

const numberHex = new Float64Array(1);
const numberWords = new Uint32Array(numberHex.buffer);

/** Details as JSON with every number written as its IEEE-754 words (exact, -0 and NaN included). */
function exactJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v !== 'number') return v;
    numberHex[0] = v;
    return `${numberWords[0]!.toString(16)}:${numberWords[1]!.toString(16)}`;
  });
}

/** Hash of the totals of every strategy (what a PSA keeps). */
export function totalsFingerprint(result: ModelResult): string {
  const h = new WordHash();
  for (const s of result.strategies) h.numbers(TOTAL_KEYS.map((k) => s.totals[k]));
  return h.hex();
}

/** Hash of what a totals-only result holds: every strategy's totals and cost by category. */
export function totalsOnlyFingerprint(result: ModelResult): string {
  const h = new WordHash();
  for (const s of result.strategies) h.numbers(TOTAL_KEYS.map((k) => s.totals[k])).numbers(s.costByCategory).numbers(s.costByCategoryUndiscounted);
  return h.hex();
}

/** Hash of what a discounted-only result holds: every strategy's discounted totals and cost by category. */
export function discountedFingerprint(result: ModelResult): string {
  const h = new WordHash();
  for (const s of result.strategies) h.numbers(DISCOUNTED_KEYS.map((k) => s.totals[k])).numbers(s.costByCategory);
  return h.hex();
}

/**
 * The extras as the golden recorded them: without the warnings' codes and values (added later for wording warnings
 * in other languages; built from the same values as the warnings' text, which stays in the hash).
 */
function detailsAsRecorded(s: StrategyResult): unknown {
  const details = strategyDetails(s);
  if (!details) return null;
  const { warningDetails: _added, ...recorded } = details;
  return recorded;
}

/** Hash of every number of every strategy: totals, arrays, extras. */
export function fullFingerprint(result: ModelResult): string {
  const h = new WordHash();
  for (const s of result.strategies as StrategyResult[]) {
    h.text(s.id).numbers(TOTAL_KEYS.map((k) => s.totals[k]));
    for (const k of ARRAY_KEYS) h.text(k).numbers(s[k]);
    h.text(exactJson(detailsAsRecorded(s)));
  }
  return h.hex();
}

/** Hash of a block of sampled parameter draws. */
export function drawsFingerprint(block: Float64Array): string {
  return new WordHash().numbers(block).hex();
}

/** [name, model JSON, draws]: every bundled example model file, the two yardstick models of the benchmark and the synthetic bench model. */
export function goldenModels(): [string, unknown, number][] {
  const root = resolve(__dirname, '..', '..', '..');
  // The bundled examples get GOLDEN_DRAWS draws; the larger benchmark models fewer (they only add shapes).
  const fromDir = (dir: string, draws: number): [string, unknown, number][] =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f): [string, unknown, number] => [f, JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as unknown, draws])
      .filter(([, json]) => (json as { format?: string }).format === 'hta-workbench-model');
  return [
    ...fromDir(resolve(root, 'resources', 'examples'), GOLDEN_DRAWS),
    ...fromDir(resolve(root, 'bench', 'yardsticks'), BENCH_MODEL_DRAWS),
    ['synthetic-bench-model', syntheticModel(), BENCH_MODEL_DRAWS],
  ];
}

export const GOLDEN_DRAWS = 1600;
export const GOLDEN_SEED = 20261206;
export const BENCH_MODEL_DRAWS = 200;

/** Deterministic uniform draws (the test must not depend on Math.random). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** One model's golden run: the compiled model as the PSA (or a DSA-like perturbation) uses it, and its draws. */
export interface GoldenCase {
  name: string;
  compiled: CompiledModel;
  /** 'psa': draws of the model's own sampler (seed GOLDEN_SEED); 'perturbed': inputs x U(0.85, 1.15), draw 0 = base case. */
  kind: 'psa' | 'perturbed';
  /** Parameter array of draw d (fresh array). */
  params(d: number): Float64Array;
  /** Fingerprint of the sampled block (psa) or of the perturbed inputs. */
  drawsHash: string;
  setup: PsaSetup | null;
}

export function goldenCase(name: string, json: unknown, draws = GOLDEN_DRAWS): GoldenCase {
  const model = parseModel(json);
  if (sampledParameterNames(model).length > 0) {
    const setup = createPsaSetup(model, GOLDEN_SEED);
    const block = setup.sampler.fill(0, draws);
    const k = setup.slots.length;
    return {
      name,
      compiled: setup.compiled,
      kind: 'psa',
      setup,
      drawsHash: drawsFingerprint(block),
      params(d) {
        const p = Float64Array.from(setup.base);
        for (let j = 0; j < k; j++) p[setup.slots[j]!] = block[d * k + j]!;
        return p;
      },
    };
  }
  const compiled = compileModel(model);
  const base = compiled.baseParameters();
  const random = lcg(GOLDEN_SEED);
  const all = new Float64Array(draws * base.length);
  for (let d = 0; d < draws; d++) for (let i = 0; i < base.length; i++) all[d * base.length + i] = d > 0 && compiled.isInput[i] ? base[i]! * (0.85 + 0.3 * random()) : base[i]!;
  return {
    name,
    compiled,
    kind: 'perturbed',
    setup: null,
    drawsHash: drawsFingerprint(all),
    params: (d) => all.slice(d * base.length, (d + 1) * base.length),
  };
}

/**
 * The record of one draw: its full fingerprint (8 hex digits; of totals and costs by category only for a
 * totals-only result, of the discounted ones for a discounted-only result), or the located error it raised.
 */
export function goldenRecord(compiled: CompiledModel, params: Float64Array, out: ModelResult): { hash: string; error?: string } {
  try {
    compiled.evaluate(params, out);
  } catch (e) {
    if (!(e instanceof ModelEvaluationError)) throw e;
    return { hash: '--------', error: `${e.details.code}:${e.details.strategy}:${e.details.cycle}:${e.details.subject}` };
  }
  return { hash: (out.discountedOnly ? discountedFingerprint(out) : out.totalsOnly ? totalsOnlyFingerprint(out) : fullFingerprint(out)).slice(0, 8) };
}

export interface GoldenFixture {
  /** How and where the values were made. */
  note: string;
  draws: number;
  seed: number;
  models: Record<string, { draws: number; kind: 'psa' | 'perturbed'; drawsHash: string; hashes: string; errors: Record<string, string>; baseTotals: Record<string, number>[] }>;
}
