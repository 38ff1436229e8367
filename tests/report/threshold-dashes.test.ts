// The threshold lines of a cost-effectiveness plane (up to five, the HIV example's) and the base-case plane's
// frontier must each read as their own pattern. Judged as a reader would: a gap shorter than VISIBLE_GAP closes up
// at the 1.5 px stroke, and a dash is a dot, a dash or a long dash by its length.
import { describe, expect, it } from 'vitest';
import { THRESHOLD_DASHES } from '../../src/report/charts/threshold-dashes';

/** The screen's frontier (ce-plane-chart.tsx) and its legend mark (chart-frame.tsx). */
const FRONTIER = { line: '5 4', legend: '5 3' };
const VISIBLE_GAP = 3;

function numbers(pattern: string): number[] {
  const v = pattern.trim().split(/[\s,]+/).map(Number);
  return v.length % 2 === 0 ? v : [...v, ...v];
}

/** The strokes a reader sees over one period: dashes joined across gaps too short to see. */
function seenStrokes(pattern: string, visibleGap: number): number[] {
  const v = numbers(pattern);
  const strokes: number[] = [];
  let joinNext = false;
  for (let i = 0; i < v.length; i += 2) {
    if (joinNext) strokes.push(strokes.pop()! + v[i - 1]! + v[i]!);
    else strokes.push(v[i]!);
    joinNext = v[i + 1]! < visibleGap;
  }
  if (joinNext && strokes.length > 1) strokes.unshift(strokes.pop()! + v[v.length - 1]! + strokes.shift()!);
  return strokes;
}

function kind(length: number): string {
  return length <= 3 ? 'dot' : length <= 7 ? 'dash' : 'long';
}

/** The sequence of stroke kinds, from the rotation that sorts first (a pattern's phase does not matter). */
function signature(strokes: number[]): string {
  const kinds = strokes.map(kind);
  const rotations = kinds.map((_, i) => [...kinds.slice(i), ...kinds.slice(0, i)].join('-'));
  return rotations.sort()[0]!;
}

const period = (pattern: string) => numbers(pattern).reduce((a, b) => a + b, 0);

describe('threshold dash patterns', () => {
  it('reads the former fifth pattern (8 2 8 8) as one long dash, like the long-dash threshold', () => {
    expect(signature(seenStrokes('8 2 8 8', VISIBLE_GAP))).toBe('long');
    expect(signature(seenStrokes('12 4', VISIBLE_GAP))).toBe('long');
  });

  it('gives the five thresholds and the frontier six patterns a reader tells apart', () => {
    const lines = [...THRESHOLD_DASHES.map((d) => d.line), FRONTIER.line];
    for (const line of lines) {
      // Every gap shows: no two dashes read as one.
      expect(seenStrokes(line, VISIBLE_GAP), line).toHaveLength(numbers(line).length / 2);
    }
    const signatures = lines.map((line) => signature(seenStrokes(line, VISIBLE_GAP)));
    expect(new Set(signatures).size, signatures.join(' | ')).toBe(lines.length);
  });

  it('shortens each pattern for its legend mark without changing what it reads as', () => {
    for (const d of [...THRESHOLD_DASHES, FRONTIER]) {
      // A whole period fits in the 18 px legend line.
      expect(period(d.legend), d.legend).toBeLessThanOrEqual(18);
      const scale = period(d.legend) / period(d.line);
      const legendStrokes = seenStrokes(d.legend, 0).map((s) => s / scale);
      expect(signature(legendStrokes), `${d.line} / ${d.legend}`).toBe(signature(seenStrokes(d.line, VISIBLE_GAP)));
    }
  });
});
