// @vitest-environment jsdom
// EVPPI all zero (one strategy optimal in every draw): no chart of 58 empty rows, the note alone; the data table stays.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HtaModel } from '../../../src/engine/model/schema';
import type { EvppiResult } from '../../../src/engine/uncertainty/evppi';
import { EvppiChart } from '../../../src/renderer/results/voi-section';

const model = { settings: { currency: 'EUR', effect: 'qaly' }, parameters: [] } as unknown as HtaModel;
const result = (id: string, evppi: number, evpi: number, se: number | null = 0): EvppiResult => ({ parameters: [id], wtp: 30000, evppi, raw: evppi, se, evpi, method: 'p-spline' });
const description = () => screen.getByTestId('chart-evppi').querySelector('.chart-caption p')!.textContent!;

describe('EvppiChart', () => {
  afterEach(cleanup);

  it('draws nothing when every EVPPI is zero: the note says why, the table keeps the rows', () => {
    render(<EvppiChart model={model} results={['a', 'b', 'c'].map((id) => result(id, 0, 0))} />);
    const figure = screen.getByTestId('chart-evppi');
    // Says plainly that no one input would change the decision (it read "…of no single parameter would change…").
    expect(screen.getByTestId('evppi-all-zero').textContent).toBe('Every EVPPI is zero at this threshold: removing the uncertainty about any one parameter or group alone would not change the decision (EVPI per patient: €0.00). The result may differ at another threshold.');
    expect(figure.querySelector('.chart-canvas')).toBeNull();
    expect(figure.querySelector('[role="img"]')).toBeNull();
    expect(figure.querySelectorAll('.chart-table tbody tr')).toHaveLength(3);
    // The description speaks of the table, not of bars or whiskers nobody sees.
    expect(description()).toBe('The data table below gives the EVPPI of each parameter and group.');
  });

  it('mentions whiskers only when a standard error draws them', () => {
    render(<EvppiChart model={model} results={[result('a', 12, 40, 3), result('b', 5, 40, null)]} />);
    expect(description()).toContain('whiskers are ±1 standard error');
    cleanup();
    render(<EvppiChart model={model} results={[result('a', 12, 40, null), result('b', 5, 40, 0)]} />);
    expect(description()).toBe('Sorted, largest first. EVPI per patient (all parameters): €40.00.');
  });

  it('draws the bars when some EVPPI is not zero', () => {
    render(<EvppiChart model={model} results={[result('a', 12, 40), result('b', 0, 40)]} />);
    const figure = screen.getByTestId('chart-evppi');
    expect(screen.queryByTestId('evppi-all-zero')).toBeNull();
    expect(figure.querySelector('.chart-canvas[role="img"]')).not.toBeNull();
  });

  it('draws the bars after a run at another threshold that was all zero (the drawing mounts later and still measures)', () => {
    // A browser's ResizeObserver: the canvas reports its width once observed.
    vi.stubGlobal('ResizeObserver', class {
      constructor(private readonly report: (entries: { contentRect: { width: number } }[]) => void) {}
      observe() { this.report([{ contentRect: { width: 600 } }]); }
      disconnect() {}
    });
    try {
      const { rerender } = render(<EvppiChart model={model} results={[result('a', 0, 0), result('b', 0, 0)]} />);
      expect(screen.getByTestId('chart-evppi').querySelector('.chart-canvas')).toBeNull();
      rerender(<EvppiChart model={model} results={[result('a', 12, 40), result('b', 0, 40)]} />);
      expect(screen.getByTestId('chart-evppi').querySelector('.chart-canvas .recharts-responsive-container')).not.toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
