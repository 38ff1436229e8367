// @vitest-environment jsdom
// The HIV example's five thresholds (£2,000 … £30,000) each get their own dash pattern on the screen's plane and in
// its legend, labelled there (£2,000 and £20,000 used to share one).
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CePlaneChart } from '../../../src/renderer/charts/ce-plane-chart';
import { THRESHOLD_DASHES, thresholdDash } from '../../../src/report/charts/threshold-dashes';

describe('CePlaneChart thresholds', () => {
  afterEach(cleanup);

  it('gives five thresholds five legend patterns, each with its label', () => {
    const wtps = [2000, 5000, 10000, 20000, 30000];
    render(
      <CePlaneChart testId="plane" title="Plane" summary="Plane" xLabel="Life-years" yLabel="Cost" formatX={String} formatY={String}
        series={[{ id: 'a', label: 'A', points: [{ x: 7, y: 4000 }] }, { id: 'b', label: 'B', points: [{ x: 8, y: 9000 }] }]}
        wtp={wtps.map((w) => ({ value: w, label: `£${w.toLocaleString('en')} per life-year`, through: { x: 7, y: 4000 } }))} />,
    );
    const items = [...screen.getByTestId('plane').querySelectorAll('.chart-legend li')].filter((li) => li.textContent!.includes('per life-year'));
    expect(items.map((li) => li.textContent)).toEqual(wtps.map((w) => `£${w.toLocaleString('en')} per life-year`));
    const patterns = items.map((li) => li.querySelector('line')!.getAttribute('stroke-dasharray'));
    expect(new Set(patterns).size).toBe(wtps.length);
    expect(new Set(wtps.map((_, i) => thresholdDash(i).line)).size).toBe(wtps.length);
    expect(THRESHOLD_DASHES.map((d) => d.line)).not.toContain('5 4'); // the frontier's dashes
  });
});
