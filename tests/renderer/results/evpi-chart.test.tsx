// @vitest-environment jsdom
// EVPI zero at every threshold (one strategy best in every draw): no flat line on the axis, a note saying so; the
// data table keeps a row per threshold. Shared by a model's PSA and imported draws.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PsaView } from '../../../src/engine/analysis/psa-view';
import { PsaCharts } from '../../../src/renderer/results/psa-charts';

function view(evpi: number[]): PsaView {
  const wtps = evpi.map((_, i) => i * 10000);
  return {
    draws: 2, seed: 1, comparator: 'a', comparatorLabel: 'A',
    strategies: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }],
    means: [],
    plane: [{ id: 'b', label: 'B', points: [{ incEffect: 0.1, incCost: -50 }, { incEffect: 0.2, incCost: -20 }], meanIncCost: -35, meanIncEffect: 0.15, icer: null }],
    plottedPoints: 2,
    ceac: wtps.map((wtp) => ({ wtp, a: 0, b: 1 })),
    ceaf: wtps.map((wtp) => ({ wtp, optimalId: 'b', probability: 1 })),
    evpi: wtps.map((wtp, i) => ({ wtp, evpi: evpi[i]! })),
  };
}

const money = (v: number) => `€${v.toLocaleString('en')}`;
const charts = (evpi: number[]) => (
  <PsaCharts view={view(evpi)} testIds={{ plane: 'plane', ceac: 'ceac', evpi: 'evpi' }} per="person" currency="EUR" effectNoun="effect" effectUnit="unit of effect"
    effectDigits={4} money={money} moneyTick={money} icer={(v) => (v === null ? '—' : money(v))} evpiDescription="EVPI by threshold." />
);

describe('PsaCharts EVPI', () => {
  afterEach(cleanup);

  it('says EVPI is zero at every threshold instead of drawing a flat line; the table keeps every threshold', () => {
    render(charts([0, 0, 0, 0]));
    const figure = screen.getByTestId('evpi');
    expect(figure.querySelector('.chart-canvas')).toBeNull();
    expect(figure.querySelector('.chart-legend')).toBeNull();
    expect(screen.getByTestId('evpi-all-zero').textContent).toBe('EVPI is zero at every threshold from €0 to €30,000: at each one, the same strategy is best in every draw, so removing the uncertainty would not change the decision. The data table below gives the EVPI at each threshold.');
    expect(figure.querySelectorAll('.chart-table tbody tr')).toHaveLength(4);
    // The other charts are drawn as before.
    expect(screen.getByTestId('ceac').querySelector('.chart-canvas')).not.toBeNull();
  });

  it('draws the line when EVPI is above zero at some threshold', () => {
    render(charts([0, 0, 12.5, 3]));
    expect(screen.getByTestId('evpi').querySelector('.chart-canvas[role="img"]')).not.toBeNull();
    expect(screen.queryByTestId('evpi-all-zero')).toBeNull();
  });
});
