// @vitest-environment jsdom
// Report charts are SVG strings made without a browser: well-formed, scaled from the data (checked on the drawn
// coordinates) and free of NaN.
import { describe, expect, it } from 'vitest';
import { lineChart, tornadoChart } from '../../src/report/charts/charts';
import { cePlaneChart, evppiChart, frontierChart, sampleIndices } from '../../src/report/charts/hta-charts';
import { effectNoun, formatsFor } from '../../src/report/format';
import type { ReportLocale } from '../../src/report/format';
import { psaMeansTable } from '../../src/report/results-tables';
import { translator } from '../../src/report/i18n/translate';
import { escapeXml } from '../../src/report/charts/svg';
import { THRESHOLD_DASHES } from '../../src/report/charts/threshold-dashes';

const parse = (svg: string) => {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
};

describe('report charts', () => {
  it('labels the ticks of an EVPPI axis of cents apart (not "€0 €0 €0 €1 €1 €1")', () => {
    const chart = evppiChart('e', { fmt: formatsFor('en'), currency: 'EUR', effectUnit: 'QALY', effectNoun: 'QALYs' }, '€30,000 per QALY', [
      { label: 'Tissue NGS failure', value: 0.9 },
      { label: 'Plasma NGS sensitivity', value: 0.04 },
    ]);
    const texts = [...parse(chart.svg).getElementsByTagName('text')].map((e) => e.textContent ?? '').filter((x) => x.startsWith('€'));
    expect(texts.length).toBeGreaterThan(2);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('draws tornado bars from the base value to the value at each end of the range', () => {
    const chart = tornadoChart({
      id: 't',
      title: 'T',
      description: 'Tornado & <test>',
      bars: [
        { label: 'Cost of the test', atLow: -100, atHigh: 300 },
        { label: 'Sensitivity', atLow: 50, atHigh: 150 },
      ],
      base: 100,
      x: { label: 'iNMB', format: String },
      lowLabel: 'low',
      highLabel: 'high',
    });
    const doc = parse(chart.svg);
    const bars = Array.from(doc.querySelectorAll('rect[fill-opacity]'));
    expect(bars).toHaveLength(4);
    const [lowA, highA, lowB, highB] = bars.map((b) => ({ x: Number(b.getAttribute('x')), w: Number(b.getAttribute('width')) }));
    // Widths proportional to |value − base|: 200, 200, 50, 50.
    expect(lowA!.w).toBeCloseTo(highA!.w, 1);
    expect(lowA!.w / lowB!.w).toBeCloseTo(4, 1);
    expect(highA!.x).toBeCloseTo(lowA!.x + lowA!.w, 1);
    expect(lowB!.x + lowB!.w).toBeCloseTo(highB!.x, 1);
    expect(doc.querySelector('desc')!.textContent).toBe('Tornado & <test>');
  });

  it('gives a long tornado input name two lines instead of cutting it off', () => {
    const long = 'Dependence: relative risk of a plasma miss when tissue gives no result';
    const chart = tornadoChart({ id: 't', title: 'T', description: 'd', bars: [{ label: long, atLow: 1, atHigh: 3 }, { label: 'Short', atLow: 1.5, atHigh: 2.5 }], base: 2, x: { label: 'x', format: String }, lowLabel: 'low', highLabel: 'high' });
    const labels = Array.from(parse(chart.svg).querySelectorAll('text[text-anchor="end"]')).map((e) => e.textContent);
    expect(labels).toEqual(['Dependence: relative risk of a plasma miss', 'when tissue gives no result', 'Short']);
    expect(chart.svg).not.toContain('…');
  });

  it('skips points that are not numbers instead of drawing NaN', () => {
    const chart = lineChart({ id: 'l', title: 'L', description: 'd', series: [{ label: 's', colour: '#000', points: [[0, 1], [1, Number.NaN], [2, 0.5]] }], x: { label: 'x', format: String }, y: { label: 'y', format: String } });
    expect(chart.svg).not.toMatch(/NaN/);
    const path = parse(chart.svg).querySelector('g.series path')!.getAttribute('d')!;
    expect(path.match(/M/g)).toHaveLength(2);
  });

  it('samples large PSAs evenly and reproducibly', () => {
    expect(sampleIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const s = sampleIndices(10000, 1000);
    expect(s).toHaveLength(1000);
    expect(s[1]).toBe(10);
    expect(s[999]).toBe(9990);
  });

  it('escapes text for XML', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&#39;');
  });

  it('writes the effect in lower case inside a phrase and capitalises only a label that starts with it (en/fr/nl)', () => {
    const cases: [ReportLocale, string, string, string][] = [
      ['en', 'Life-years per person (discounted)', 'Incremental life-years', 'Discounted cost against life-years per person'],
      ['fr-BE', 'Années de vie par personne (actualisés)', 'Années de vie (incrément)', 'Coût actualisé en fonction des années de vie par personne'],
      ['nl-BE', 'Levensjaren per persoon (verdisconteerd)', 'Incrementele levensjaren', 'Verdisconteerde kosten tegenover levensjaren per persoon'],
    ];
    for (const [locale, frontierAxis, planeAxis, description] of cases) {
      const t = translator(locale);
      const m = { fmt: formatsFor(locale), currency: 'EUR', effectUnit: t('reportText.lifeYear'), effectNoun: effectNoun('life-years', t), t };
      const frontier = frontierChart('f', m, [{ id: 'a', label: 'A', cost: 1000, effect: 2, onFrontier: true }, { id: 'b', label: 'B', cost: 2000, effect: 3, onFrontier: true }]);
      const texts = (svg: string) => [...parse(svg).getElementsByTagName('text')].map((e) => e.textContent ?? '');
      expect(texts(frontier.svg)).toContain(frontierAxis);
      expect(frontier.alt).toContain(description);
      const plane = cePlaneChart('p', m, 'A', [{ label: 'B', incCost: Float64Array.of(900, 1100), incEffect: Float64Array.of(0.9, 1.1), meanIncCost: 1000, meanIncEffect: 1, colourIndex: 1 }], [30000]);
      expect(texts(plane.svg)).toContain(planeAxis);
    }
  });

  it('draws each of five thresholds on the plane with its own dash pattern, the legend showing the same five', () => {
    const t = translator('en');
    const m = { fmt: formatsFor('en'), currency: 'GBP', effectUnit: t('reportText.lifeYear'), effectNoun: effectNoun('life-years', t), t };
    const wtps = [2000, 5000, 10000, 20000, 30000];
    const plane = cePlaneChart('p', m, 'A', [{ label: 'B', incCost: Float64Array.of(900, 1100), incEffect: Float64Array.of(0.9, 1.1), meanIncCost: 1000, meanIncEffect: 1, colourIndex: 1 }], wtps);
    const dashes = [...parse(plane.svg).getElementsByTagName('line')].map((l) => l.getAttribute('stroke-dasharray')).filter((d): d is string => d !== null);
    const slopeDashes = THRESHOLD_DASHES.map((d) => d.line);
    const legendDashes = THRESHOLD_DASHES.map((d) => d.legend);
    expect(dashes.filter((d) => slopeDashes.includes(d as never))).toEqual(slopeDashes);
    expect(dashes.filter((d) => legendDashes.includes(d as never))).toEqual(legendDashes);
    expect(new Set(slopeDashes).size).toBe(wtps.length);
    expect(new Set(legendDashes).size).toBe(wtps.length);
    const texts = [...parse(plane.svg).getElementsByTagName('text')].map((e) => e.textContent ?? '');
    for (const label of ['£2,000 per life-year', '£20,000 per life-year']) expect(texts).toContain(label);
  });

  it('heads the PSA means column "Mean life-years" in the exported table', () => {
    const view = { draws: 2, seed: 1, means: [{ id: 'a', label: 'A', cost: { mean: 1, lower: 0, upper: 2 }, effect: { mean: 1, lower: 0, upper: 2 } }] };
    const table = psaMeansTable(view as unknown as Parameters<typeof psaMeansTable>[0], 'life-years', 'EUR');
    expect(table.columns.map((c) => c.header)).toContain('Mean life-years');
  });
});
