// @vitest-environment jsdom
// The forest plot's and the structure diagram's data tables (and the QUADAS-2 traffic lights) scroll in a box of limited height, as every chart's
// does: while they overflow it, the box is a focusable region named after the chart (a keyboard user can scroll it).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ForestPlot } from '../../../src/renderer/charts/forest-plot';
import { QuadasTrafficLights } from '../../../src/renderer/charts/quadas-charts';
import { StructureDiagramView } from '../../../src/renderer/models/structure-diagram-view';
import { validateModel } from '../../../src/engine/model/validate';

/** jsdom lays nothing out: every box is as tall as `client`, its content `scroll` high (widths fit). */
function heights(scroll: number, client: number) {
  const proto = HTMLElement.prototype as unknown as Record<string, unknown>;
  const names = ['scrollHeight', 'clientHeight', 'scrollWidth', 'clientWidth'] as const;
  const saved = names.map((name) => Object.getOwnPropertyDescriptor(proto, name));
  const values = [scroll, client, 500, 500];
  names.forEach((name, i) => Object.defineProperty(proto, name, { configurable: true, get: () => values[i] }));
  return () => names.forEach((name, i) => (saved[i] ? Object.defineProperty(proto, name, saved[i]) : delete proto[name]));
}

const estimate = { estimate: 0.8, lower: 0.7, upper: 0.9 };
const studies = Array.from({ length: 30 }, (_, i) => ({ label: `Study ${i + 1}`, tp: 8, fn: 2, tn: 8, fp: 2, sensitivity: estimate, specificity: estimate }));
const example = (name: string) => validateModel(JSON.parse(readFileSync(resolve(__dirname, '../../../resources/examples', name), 'utf8'))).model!;

describe('data tables of the forest plot and the structure diagram', () => {
  let restore = () => {};
  afterEach(() => {
    restore();
    cleanup();
  });

  it('the forest plot: a labelled, focusable region while its long table scrolls; none when it fits', () => {
    restore = heights(900, 280);
    const { unmount } = render(<ForestPlot studies={studies} pooled={null} intervalLabel="exact" pooledLabel="Pooled" testId="forest" />);
    const region = screen.getByRole('region', { name: 'Data table: Paired forest plot' });
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.classList.contains('chart-data-body')).toBe(true);
    expect(region.querySelector('table')).not.toBeNull();
    unmount();
    restore();
    restore = heights(280, 280);
    render(<ForestPlot studies={studies.slice(0, 2)} pooled={null} intervalLabel="exact" pooledLabel="Pooled" testId="forest" />);
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('the structure diagram: a labelled, focusable region while its table scrolls', () => {
    restore = heights(900, 280);
    render(<StructureDiagramView model={example('hiv-chancellor-1997.json')} />);
    const region = screen.getByRole('region', { name: /^Data table: / });
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.classList.contains('chart-data-body')).toBe(true);
    expect(region.querySelector('table caption')).not.toBeNull();
  });

  it('the QUADAS-2 traffic lights: a labelled, focusable region while they scroll', () => {
    restore = heights(900, 460);
    const quadas = { riskOfBias: { patientSelection: 'low', indexTest: 'low', referenceStandard: 'high', flowAndTiming: 'unclear' }, applicability: { patientSelection: 'low', indexTest: 'low', referenceStandard: 'low' }, notes: '' } as const;
    render(<QuadasTrafficLights studies={studies.map((s) => ({ label: s.label, quadas }))} testId="quadas-table" />);
    const region = screen.getByRole('region', { name: 'QUADAS-2 judgements per study' });
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.getAttribute('data-testid')).toBe('quadas-table');
    expect(region.querySelectorAll('tbody tr')).toHaveLength(30);
  });
});
