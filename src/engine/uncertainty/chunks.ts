// Splitting a PSA across workers. Ranges are aligned to streams (DRAWS_PER_STREAM) so no worker has to generate
// and discard draws; results depend only on the seed and the draw index, never on how the run is split.
import { DRAWS_PER_STREAM } from './rng';

export interface DrawRange {
  start: number;
  end: number;
}

/** Stream-aligned ranges covering [0, iterations), one stream each, in order (a work queue for any worker count). */
export function streamAlignedRanges(iterations: number): DrawRange[] {
  if (!Number.isInteger(iterations) || iterations < 0) {
    throw new RangeError(`Iterations must be a non-negative whole number (got ${iterations}).`);
  }
  const ranges: DrawRange[] = [];
  for (let start = 0; start < iterations; start += DRAWS_PER_STREAM) {
    ranges.push({ start, end: Math.min(start + DRAWS_PER_STREAM, iterations) });
  }
  return ranges;
}

/** Contiguous stream-aligned ranges, one per worker (fewer when there are fewer streams than workers). */
export function rangesForWorkers(iterations: number, workers: number): DrawRange[] {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`Workers must be a whole number >= 1 (got ${workers}).`);
  const streams = streamAlignedRanges(iterations);
  const perWorker = Math.ceil(streams.length / workers);
  const ranges: DrawRange[] = [];
  for (let w = 0; w * perWorker < streams.length; w++) {
    const first = streams[w * perWorker]!;
    const last = streams[Math.min((w + 1) * perWorker, streams.length) - 1]!;
    ranges.push({ start: first.start, end: last.end });
  }
  return ranges;
}
