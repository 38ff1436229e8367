// The samplers of one PSA stream (sampler.ts): the draws stdlib's samplers make over the same uniforms, to the bit.
//  - normal: stdlib's random-base-normal, mu + sigma Z with Z from its improved ziggurat (random-base-improved-
//    ziggurat), whose MT19937 (random-base-mt19937) is seeded from the next uniform when the sampler is created;
//  - gamma: stdlib's random-base-gamma (Marsaglia & Tsang 2000) over a ziggurat of its own, with one difference:
//    stdlib computes log(v) for every candidate, even those (about 60 %) that its squeeze test u < 1 - 0.331 x^4
//    accepts without it; here only when the squeeze fails (a HIV row draws 9 gammas: ~55,000 logs spared in
//    10,000 draws);
//  - beta and triangular: stdlib's own samplers.
// Why not stdlib's closures: each calls the next through a closure, and a double returned by a call V8 does not
// inline is boxed (HIV: ~800 bytes of garbage a draw); methods of one class are inlined into the row's loop.
import exp from '@stdlib/math-base-special-exp';
import ln from '@stdlib/math-base-special-ln';
import pow from '@stdlib/math-base-special-pow';
import betaFactory from '@stdlib/random-base-beta';
import triangularFactory from '@stdlib/random-base-triangular';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** The samplers a stream needs: creating one takes uniforms (seeds), so only those a row draws from are made. */
export type SamplerKind = 'beta' | 'gamma' | 'normal' | 'triangular';

const UINT32_MAX = 4294967295;
const MT_N = 624;
const MT_M = 397;
const MT_UPPER_MASK = 0x80000000 | 0;
const MT_LOWER_MASK = 0x7fffffff;
const MT_MATRIX_A = 0x9908b0df | 0;
const MT_TEMPERING_1 = 0x9d2c5680 | 0;
const MT_TEMPERING_2 = 0xefc60000 | 0;
const MT_KNUTH_MULTIPLIER = 1812433253;

/**
 * stdlib's MT19937 seeded with one integer, its outputs as signed 32-bit integers (the same bits as stdlib's
 * unsigned ones; its 2^32 modular products are Math.imul's).
 */
class Mt19937 {
  private readonly state = new Int32Array(MT_N);
  private index = MT_N;

  constructor(seed: number) {
    const state = this.state;
    state[0] = seed;
    for (let i = 1; i < MT_N; i++) {
      const s = state[i - 1]!;
      state[i] = (Math.imul(s ^ (s >>> 30), MT_KNUTH_MULTIPLIER) + i) | 0;
    }
  }

  private twist(): void {
    const state = this.state;
    const k = MT_N - MT_M;
    let i = 0;
    for (; i < k; i++) {
      const w = (state[i]! & MT_UPPER_MASK) | (state[i + 1]! & MT_LOWER_MASK);
      state[i] = state[i + MT_M]! ^ (w >>> 1) ^ (w & 1 ? MT_MATRIX_A : 0);
    }
    for (; i < MT_N - 1; i++) {
      const w = (state[i]! & MT_UPPER_MASK) | (state[i + 1]! & MT_LOWER_MASK);
      state[i] = state[i - k]! ^ (w >>> 1) ^ (w & 1 ? MT_MATRIX_A : 0);
    }
    const w = (state[MT_N - 1]! & MT_UPPER_MASK) | (state[0]! & MT_LOWER_MASK);
    state[MT_N - 1] = state[MT_M - 1]! ^ (w >>> 1) ^ (w & 1 ? MT_MATRIX_A : 0);
  }

  next(): number {
    if (this.index >= MT_N) {
      this.twist();
      this.index = 0;
    }
    let r = this.state[this.index++]!;
    r ^= r >>> 11;
    r ^= (r << 7) & MT_TEMPERING_1;
    r ^= (r << 15) & MT_TEMPERING_2;
    return r ^ (r >>> 18);
  }
}

/** The stream's uniforms: pure-rand's uniformFloat64 (53 bits from two outputs of the generator). */
class Uniforms {
  constructor(private readonly generator: RandomGenerator) {}

  next(): number {
    return uniformFloat64(this.generator);
  }
}

// stdlib's improved ziggurat: 128 blocks, right tail from R; X[i] the blocks' coordinates (each of the same area),
// RATIO[i] = X[i + 1] / X[i], computed as stdlib computes them.
const ZIGGURAT_BLOCKS = 128;
const ZIGGURAT_TAIL = 3.442619855899;
const ZIGGURAT_AREA = 9.91256303526217e-3;
const ZIGGURAT_X = zigguratCoordinates();
const ZIGGURAT_RATIO = ZIGGURAT_X.subarray(0, ZIGGURAT_BLOCKS).map((x, i) => ZIGGURAT_X[i + 1]! / x);

function zigguratCoordinates(): Float64Array {
  const x = new Float64Array(ZIGGURAT_BLOCKS + 1);
  let f = exp(-0.5 * ZIGGURAT_TAIL * ZIGGURAT_TAIL);
  x[0] = ZIGGURAT_AREA / f;
  x[1] = ZIGGURAT_TAIL;
  for (let i = 2; i < ZIGGURAT_BLOCKS; i++) {
    x[i] = Math.sqrt(-2.0 * ln(ZIGGURAT_AREA / x[i - 1]! + f));
    f = exp(-0.5 * x[i]! * x[i]!);
  }
  x[ZIGGURAT_BLOCKS] = 0.0;
  return x;
}

/** Standard normal draws of stdlib's improved ziggurat over the stream's uniforms. */
class Ziggurat {
  private readonly bits: Mt19937;

  constructor(private readonly uniforms: Uniforms) {
    this.bits = new Mt19937(Math.floor(1.0 + UINT32_MAX * uniforms.next()));
  }

  next(): number {
    const X = ZIGGURAT_X;
    for (;;) {
      const u = 2.0 * this.uniforms.next() - 1.0;
      const i = this.bits.next() & 127;
      if (Math.abs(u) < ZIGGURAT_RATIO[i]!) return u * X[i]!;
      if (i === 0) return this.tail(u < 0.0);
      const x = u * X[i]!;
      const x2 = x * x;
      const f0 = exp(-0.5 * (X[i]! * X[i]! - x2));
      const f1 = exp(-0.5 * (X[i + 1]! * X[i + 1]! - x2));
      if (f1 + this.uniforms.next() * (f0 - f1) < 1.0) return x;
    }
  }

  private tail(negative: boolean): number {
    let x: number;
    let y: number;
    do {
      x = ln(this.uniforms.next()) / ZIGGURAT_TAIL;
      y = ln(this.uniforms.next());
    } while (-2.0 * y < x * x);
    return negative ? x - ZIGGURAT_TAIL : ZIGGURAT_TAIL - x;
  }
}

const ONE_THIRD = 1.0 / 3.0;
const unusedSampler = (): number => Number.NaN;

export class StreamSamplers {
  private readonly uniforms: Uniforms;
  private readonly betaSampler: (a: number, b: number) => number;
  private readonly gammaNormals: Ziggurat | null;
  private readonly normals: Ziggurat | null;
  private readonly triangularSampler: (a: number, b: number, c: number) => number;

  /** Created in stdlib's order (beta, gamma, normal, triangular), each taking the uniforms stdlib's takes. */
  constructor(generator: RandomGenerator, needs: ReadonlySet<SamplerKind>) {
    const uniforms = new Uniforms(generator);
    this.uniforms = uniforms;
    const opts = { prng: () => uniforms.next() };
    this.betaSampler = needs.has('beta') ? betaFactory.factory(opts) : unusedSampler;
    this.gammaNormals = needs.has('gamma') ? new Ziggurat(uniforms) : null;
    this.normals = needs.has('normal') ? new Ziggurat(uniforms) : null;
    this.triangularSampler = needs.has('triangular') ? triangularFactory.factory(opts) : unusedSampler;
  }

  uniform(): number {
    return this.uniforms.next();
  }

  /** stdlib's normal(mu, sigma): NaN for a NaN argument or sigma <= 0, taking no uniform. */
  normal(mu: number, sigma: number): number {
    if (mu !== mu || sigma !== sigma || sigma <= 0.0 || this.normals === null) return NaN;
    return mu + sigma * this.normals.next();
  }

  /** stdlib's gamma(alpha, rate beta): NaN for a NaN argument or one <= 0, taking no uniform. */
  gamma(alpha: number, beta: number): number {
    if (alpha !== alpha || beta !== beta || alpha <= 0.0 || beta <= 0.0 || this.gammaNormals === null) return NaN;
    if (alpha < 1.0) {
      const d = alpha + 1.0 - ONE_THIRD;
      return this.marsagliaTsang(beta, d, 1.0 / Math.sqrt(9.0 * d)) * pow(this.uniforms.next(), 1.0 / alpha);
    }
    const d = alpha - ONE_THIRD;
    return this.marsagliaTsang(beta, d, 1.0 / Math.sqrt(9.0 * d));
  }

  beta(a: number, b: number): number {
    return this.betaSampler(a, b);
  }

  triangular(a: number, b: number, c: number): number {
    return this.triangularSampler(a, b, c);
  }

  /** stdlib's gamma0: a Gamma(d + 1/3, beta) draw by rejection, c = 1 / sqrt(9 d). */
  private marsagliaTsang(beta: number, d: number, c: number): number {
    const normals = this.gammaNormals!;
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normals.next();
        v = 1.0 + c * x;
      } while (v <= 0.0);
      v *= v * v;
      const x2 = x * x;
      const v0 = 1.0 - 0.331 * x2 * x2;
      const u = this.uniforms.next();
      // stdlib: accept when u < v0 || ln(u) < v1, with v1 computed before the test; v1 only when it is read.
      if (u < v0 || ln(u) < 0.5 * x2 + d * (1.0 - v + ln(v))) return (1.0 / beta) * d * v;
    }
  }
}
