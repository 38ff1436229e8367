// Seeded random numbers for probabilistic analysis.
// Algorithm: xoroshiro128+ (Blackman & Vigna 2018) as implemented by pure-rand 8.4.2, 53-bit uniforms built from
// two 32-bit outputs (pure-rand's uniformFloat64). Independent streams come from xoroshiro128+'s jump(), which
// advances 2^64 steps: stream k is the seeded generator jumped k + 1 times (the extra jump also mixes the
// low-entropy seeded state). A PSA assigns one stream to every fixed-size chunk of draws (DRAWS_PER_STREAM), so
// draw i always comes from stream floor(i / DRAWS_PER_STREAM), whatever the number of workers or the machine.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export const RNG_ALGORITHM = 'xoroshiro128+ (pure-rand 8.4.2), jump() streams';

/** Draws per stream; a constant of the format of results, never derived from the worker count. */
export const DRAWS_PER_STREAM = 2048;

const HALF_ULP = 2 ** -54;

export interface UniformStream {
  /** Uniform in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform in (0, 1): safe for inverse-CDF sampling (never exactly 0). */
  nextOpen(): number;
}

export class RandomSeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RandomSeedError';
  }
}

export function assertValidSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RandomSeedError(`Seed must be an integer from 0 to 4294967295 (got ${String(seed)}).`);
  }
}

function assertValidStreamIndex(streamIndex: number): void {
  if (!Number.isInteger(streamIndex) || streamIndex < 0) {
    throw new RandomSeedError(`Stream index must be a non-negative integer (got ${String(streamIndex)}).`);
  }
}

function streamOver(generator: JumpableRandomGenerator): UniformStream {
  return {
    next: () => uniformFloat64(generator),
    nextOpen: () => uniformFloat64(generator) + HALF_ULP,
  };
}

/** Stream `streamIndex` of `seed`: the generator jumped streamIndex + 1 times. */
export function createStream(seed: number, streamIndex: number): UniformStream {
  return streamOver(streamGenerator(seed, streamIndex));
}

function streamGenerator(seed: number, streamIndex: number): JumpableRandomGenerator {
  assertValidSeed(seed);
  assertValidStreamIndex(streamIndex);
  const generator = xoroshiro128plus(seed | 0);
  for (let i = 0; i <= streamIndex; i++) generator.jump();
  return generator;
}

/**
 * Streams of one seed, reusing the last jump position so that visiting streams in increasing order costs one
 * jump each (a worker walking its chunks in order) rather than k jumps for stream k.
 */
export class StreamSequence {
  private cachedIndex: number;
  private cached: JumpableRandomGenerator;

  constructor(readonly seed: number) {
    this.cached = streamGenerator(seed, 0);
    this.cachedIndex = 0;
  }

  /** A fresh generator positioned at the start of stream `streamIndex`. */
  generatorAt(streamIndex: number): JumpableRandomGenerator {
    assertValidStreamIndex(streamIndex);
    if (streamIndex < this.cachedIndex) {
      this.cached = streamGenerator(this.seed, streamIndex);
      this.cachedIndex = streamIndex;
    }
    while (this.cachedIndex < streamIndex) {
      this.cached.jump();
      this.cachedIndex++;
    }
    return this.cached.clone();
  }

  streamAt(streamIndex: number): UniformStream {
    return streamOver(this.generatorAt(streamIndex));
  }
}
