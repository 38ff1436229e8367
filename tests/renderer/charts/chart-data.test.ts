import { describe, expect, it } from 'vitest';
import { axisWithZero, fittingAxis, fittingLabelWidth, TORNADO_LABEL_WIDTH, tornadoLabelWidth, wrapLabel, MIN_TICK_GAP, spacedMarkerLabels, budgetBarRows, cePlanePoints, coincidingSeries, stateShareRows, niceAxis, niceStep, survivalRows, thinRows, tornadoBars, tornadoDomain, traceRows } from '../../../src/renderer/charts/chart-data';
import { TORNADO_INPUTS, widestSwings } from '../../../src/report/tornado-inputs';
import { clipLine } from '../../../src/renderer/charts/ce-plane-chart';
import { seriesColor, seriesColors } from '../../../src/renderer/charts/palette';

describe('trace and survival rows', () => {
  // Two states (A, Dead), two cycles of half a year: rows are the trace rows with their time.
  const trace = Float64Array.from([1, 0, 0.8, 0.2, 0.5, 0.5]);
  it('puts each state share in its row, with time in years', () => {
    expect(traceRows(trace, ['A', 'Dead'], 2, 0.5)).toEqual([
      { time: 0, A: 1, Dead: 0 },
      { time: 0.5, A: 0.8, Dead: 0.2 },
      { time: 1, A: 0.5, Dead: 0.5 },
    ]);
  });
  it('survival is 1 minus the dead states, per strategy', () => {
    const other = Float64Array.from([1, 0, 0.9, 0.1, 0.7, 0.3]);
    const rows = survivalRows([{ id: 's1', trace }, { id: 's2', trace: other }], ['A', 'Dead'], new Set(['Dead']), 2, 1)!;
    expect(rows.map((r) => r.s1)).toEqual([1, 0.8, 0.5]);
    expect(rows[2]!.s2).toBeCloseTo(0.7, 12);
    expect(rows.map((r) => r.time)).toEqual([0, 1, 2]);
  });
  it('has no survival when no state is dead', () => {
    expect(survivalRows([{ id: 's', trace }], ['A', 'Dead'], new Set(), 2, 1)).toBeNull();
  });
  it('thins long series but keeps both ends', () => {
    const rows = Array.from({ length: 241 }, (_, i) => i);
    const thin = thinRows(rows, 41);
    expect(thin).toHaveLength(41);
    expect(thin[0]).toBe(0);
    expect(thin[40]).toBe(240);
    expect(thinRows([1, 2, 3], 10)).toEqual([1, 2, 3]);
  });
});

describe('tornado bars', () => {
  const row = (parameter: string, outcomeLow: number | null, outcomeHigh: number | null) => ({
    parameter, label: parameter.toUpperCase(), low: 1, high: 2, outcomeLow, outcomeHigh,
    swing: outcomeLow === null || outcomeHigh === null ? null : Math.abs(outcomeHigh - outcomeLow), decisionChanges: false,
  });
  it('sorts by swing, spans from the base outcome, and leaves failed rows out', () => {
    const bars = tornadoBars([row('a', 90, 110), row('b', 50, 200), row('c', null, 3), row('d', 99, 101)], 100);
    expect(bars.map((b) => b.parameter)).toEqual(['b', 'a', 'd']);
    expect(bars[0]!.lowBar).toEqual([100, 50]);
    expect(bars[0]!.highBar).toEqual([100, 200]);
    expect(bars[0]!.swing).toBe(150);
  });
  it('shows the inputs the report shows: the TORNADO_INPUTS widest swings', () => {
    const rows = Array.from({ length: TORNADO_INPUTS + 5 }, (_, i) => row(`p${i}`, 100 - i, 100 + i));
    const bars = tornadoBars(rows, 100);
    expect(bars.map((b) => b.parameter)).toEqual(widestSwings(rows).map((r) => r.parameter));
    expect(bars).toHaveLength(TORNADO_INPUTS);
    expect(bars[0]!.parameter).toBe(`p${TORNADO_INPUTS + 4}`);
  });
  it('domain covers every bar and the base with padding', () => {
    const bars = tornadoBars([row('a', -50, 150)], 20);
    const [lo, hi] = tornadoDomain(bars, 20);
    expect(lo).toBeCloseTo(-60, 9);
    expect(hi).toBeCloseTo(160, 9);
  });
});

describe('threshold axis', () => {
  it('keeps zero in view on round ticks (not −€705, −€1,505, …), skipping failed points', () => {
    const { domain, ticks } = axisWithZero([-2078, -3105, -2994, null, Number.NaN, -1993]);
    expect(ticks).toContain(0);
    expect(domain).toEqual([ticks[0], ticks[ticks.length - 1]]);
    expect(domain[0]).toBeLessThanOrEqual(-3105);
    const step = ticks[1]! - ticks[0]!;
    for (const t of ticks) expect(Math.abs(t / step - Math.round(t / step))).toBeLessThan(1e-9);
    expect([500, 1000]).toContain(step);
    expect(axisWithZero([120, 480]).domain[0]).toBe(0);
  });
});

describe('budget bars', () => {
  it('gives a current and a new bar per year, stacked by category', () => {
    const years = [
      { year: 1, calendarYear: 2027, byCategory: { test: { current: 10, new: 30, impact: 20 }, drug: { current: 100, new: 90, impact: -10 } } },
      { year: 2, calendarYear: 2028, byCategory: { test: { current: 11, new: 33, impact: 22 }, drug: { current: 101, new: 91, impact: -10 } } },
    ];
    const rows = budgetBarRows(years, ['test', 'drug']);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({ bar: '2027 current', year: 1, world: 'current', test: 10, drug: 100 });
    expect(rows[3]).toEqual({ bar: '2028 new', year: 2, world: 'new', test: 33, drug: 91 });
  });
  it('names years without a calendar year by number', () => {
    expect(budgetBarRows([{ year: 3, calendarYear: null, byCategory: {} }], [])[0]!.bar).toBe('Year 3 current');
  });
});

describe('CE plane', () => {
  it('marks the frontier from the incremental analysis, in cost order', () => {
    const { points, frontier } = cePlanePoints(
      [{ id: 'b', label: 'B', cost: 300, effect: 2 }, { id: 'a', label: 'A', cost: 100, effect: 1 }, { id: 'c', label: 'C', cost: 400, effect: 1.5 }],
      [{ id: 'a', status: 'reference' }, { id: 'b', status: 'nondominated' }, { id: 'c', status: 'dominated' }],
    );
    expect(points.map((p) => p.onFrontier)).toEqual([true, true, false]);
    expect(frontier).toEqual([{ effect: 1, cost: 100 }, { effect: 2, cost: 300 }]);
  });
  it('clips the willingness-to-pay line to the plotting box', () => {
    // y = 1000 x in x [-1, 2], y [-500, 1000]: enters at y = -500 (x = -0.5), leaves at y = 1000 (x = 1).
    expect(clipLine(1000, [-1, 2], [-500, 1000])).toEqual([{ x: -0.5, y: -500 }, { x: 1, y: 1000 }]);
    expect(clipLine(1000, [1, 2], [-10, -5])).toBeNull();
    // A base-case plane's threshold line runs through the reference strategy, not the origin.
    expect(clipLine(1000, [0, 2], [0, 1000], { x: 1, y: 100 })).toEqual([{ x: 0.9, y: 0 }, { x: 1.9, y: 1000 }]);
  });
});

describe('palette', () => {
  it('cycles and every colour has at least 4:1 contrast on white', () => {
    expect(seriesColor(seriesColors.length)).toBe(seriesColors[0]);
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((s) => (s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const c of seriesColors) expect(1.05 / (lum(c) + 0.05)).toBeGreaterThanOrEqual(4);
  });
});

describe('nice axes', () => {
  it('steps are 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(0.013)).toBe(0.02);
    expect(niceStep(2400)).toBe(2500);
    expect(niceStep(6100)).toBe(10000);
    expect(niceStep(1)).toBe(1);
  });
  it('widens the domain to whole steps and lists every tick', () => {
    // (18000 + 6699) / 5 = 4939.8 → step 5000.
    expect(niceAxis(-6699, 18000, 5)).toEqual({ domain: [-10000, 20000], ticks: [-10000, -5000, 0, 5000, 10000, 15000, 20000] });
    const { ticks } = niceAxis(0.1, 0.3, 2);
    expect(ticks).toEqual([0.1, 0.2, 0.3]);
  });
});

describe('survival by strategy', () => {
  it('sums the shares of the chosen states per strategy and row', () => {
    // Two states (PF, PD) over 1 cycle of 0.5 years.
    const rows = stateShareRows([{ id: 'a', trace: [1, 0, 0.6, 0.3] }], ['PF', 'PD'], new Set(['PF']), 1, 0.5, ':pfs');
    expect(rows).toEqual([{ time: 0, 'a:pfs': 1 }, { time: 0.5, 'a:pfs': 0.6 }]);
    expect(stateShareRows([{ id: 'a', trace: [1] }], ['PF'], new Set(['X']), 0, 1)).toBeNull();
  });
  it('finds curves that coincide', () => {
    const rows = [{ a: 1, b: 1, c: 1 }, { a: 0.5, b: 0.5, c: 0.6 }];
    expect(coincidingSeries(rows, ['a', 'b', 'c'])).toEqual([['a', 'b']]);
    expect(coincidingSeries(rows, ['a', 'c'])).toEqual([]);
  });
});

describe('threshold marker labels', () => {
  it('prints a label only where it clears the last one printed; every line stays', () => {
    // The HIV example's thresholds on a £0–60,000 CEAC axis: £5,000 would print over £2,000.
    expect(spacedMarkerLabels([2000, 5000, 10000, 20000, 30000], [0, 60000])).toEqual([true, false, true, true, true]);
    // Two thresholds far apart keep both labels, in any order given.
    expect(spacedMarkerLabels([50000, 30000], [0, 100000])).toEqual([true, true]);
    expect(spacedMarkerLabels([30000, 31000], [0, 100000])).toEqual([true, false]);
    expect(spacedMarkerLabels([1], [0, 0])).toEqual([true]);
  });
});

describe('value axis that fits its width', () => {
  // The liquid-biopsy budget tornado at 1024 px: ~255 px of axis for 0 to ~€14.2m.
  it('gives a short axis fewer ticks, each at least MIN_TICK_GAP apart (0, 5, 10, 15 M€, not 0, 2.5, 5 … 15)', () => {
    const narrow = fittingAxis(0, 14_200_000, 255);
    expect(narrow.ticks).toEqual([0, 5_000_000, 10_000_000, 15_000_000]);
    expect(255 / (narrow.ticks.length - 1)).toBeGreaterThanOrEqual(MIN_TICK_GAP);
  });

  it('keeps the finer ticks where there is room, or before the width is known', () => {
    expect(fittingAxis(0, 14_200_000, 700).ticks).toEqual([0, 2_500_000, 5_000_000, 7_500_000, 10_000_000, 12_500_000, 15_000_000]);
    expect(fittingAxis(0, 14_200_000, null)).toEqual(niceAxis(0, 14_200_000, 6));
    expect(fittingAxis(0, 14_200_000, 40).ticks.length).toBeGreaterThanOrEqual(2);
  });
});

describe('tornado labels', () => {
  // Chart widths measured in Chromium: 1142 px at 1440×900, 726 px at 1024×640 (margins 8 + 32).
  it('leaves the bars more than half of the chart at the smallest window, and 1440 px its full label column', () => {
    const plot = (width: number) => width - tornadoLabelWidth(width) - 40;
    expect(plot(726)).toBeGreaterThan(726 / 2);
    expect(tornadoLabelWidth(1142)).toBe(TORNADO_LABEL_WIDTH);
    expect(tornadoLabelWidth(null)).toBe(TORNADO_LABEL_WIDTH);
    expect(tornadoLabelWidth(200)).toBe(120);
  });

  it('wraps a label at spaces into lines that fit, a word too long on its own line, nothing lost', () => {
    const measure = (text: string) => text.length * 10;
    const label = 'Dependence: relative risk of a plasma miss when tissue gives no result, 1 to 2 relative risk';
    const lines = wrapLabel(label, 300, measure);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(300);
    expect(lines.join(' ')).toBe(label);
    expect(wrapLabel('short', 300, measure)).toEqual(['short']);
    expect(wrapLabel('a supercalifragilistic b', 100, measure)).toEqual(['a', 'supercalifragilistic', 'b']);
    expect(wrapLabel('', 100, measure)).toEqual(['']);
    // A no-break space (French "9 000 €", "60 %") holds its number together.
    expect(wrapLabel('de 5\u202f000\u00a0€ à 9\u202f000\u00a0€', 80, measure)).toEqual(['de', '5\u202f000\u00a0€', 'à', '9\u202f000\u00a0€']);
  });

  it('widens the label column until no label needs more than three lines, never past the half left to the bars', () => {
    expect(fittingLabelWidth(726, 322, () => 2)).toBe(290);
    expect(fittingLabelWidth(726, 322, (w) => (w >= 310 ? 3 : 4))).toBe(310);
    expect(fittingLabelWidth(726, 322, () => 9)).toBe(320);
    expect(fittingLabelWidth(1142, 531, () => 9)).toBe(TORNADO_LABEL_WIDTH);
    expect(fittingLabelWidth(null, 0, () => 9)).toBe(TORNADO_LABEL_WIDTH);
  });
});
