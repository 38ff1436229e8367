// Dash patterns of the threshold lines on a cost-effectiveness plane, one per threshold (the HIV example has five),
// shared by the screen and the report so each threshold reads the same in both. `legend` is the same pattern
// shortened to show whole in a legend's short line. None is the frontier's even dashes, and every gap is wide enough
// to see at the 1.5 px stroke (tests/report/threshold-dashes.test.ts says how they are told apart).

export const THRESHOLD_DASHES = [
  { name: 'dotted', line: '2 3', legend: '1.5 3' },
  { name: 'dashdot', line: '10 3 2 3', legend: '7 2 2 2' },
  { name: 'longdash', line: '12 4', legend: '9 3' },
  { name: 'dashdotdot', line: '9 3 2 3 2 3', legend: '5 2 1.5 2 1.5 2' },
  { name: 'longshort', line: '14 3 5 3', legend: '8 2 3 2' },
] as const;

export type ThresholdDash = (typeof THRESHOLD_DASHES)[number];

/** The pattern of the i-th threshold (repeating after five). */
export function thresholdDash(i: number): ThresholdDash {
  return THRESHOLD_DASHES[i % THRESHOLD_DASHES.length]!;
}
