// @vitest-environment jsdom
// A signed amount in screen prose (the tornado descriptions) sits in a no-wrap span, so "−€1,234" never breaks
// after its sign; the text holds only the visible characters, so copying the amount gives exactly "−€1,234".
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BudgetImpactReport } from '../../../src/engine/budget/run-budget-impact';
import { translator } from '../../../src/report/i18n/translate';
import { proseWithAmounts } from '../../../src/renderer/i18n/amounts-in-prose';
import { BudgetTornado } from '../../../src/renderer/results/budget-analyses';

const row = (id: string, atLow: number, atHigh: number) => ({ id, label: `Input ${id}`, kind: 'budget-impact-value', role: null, location: '', source: null, base: 1, low: 0.5, high: 1.5, impactAtLow: atLow, impactAtHigh: atHigh, swing: Math.abs(atHigh - atLow), yearsAtLow: null, yearsAtHigh: null, error: null });
const report = { currency: 'EUR', horizonYears: 5, tornado: { baseImpact: -1234, rows: [row('a', -2000, -500), row('b', -1500, -1000)] } } as unknown as BudgetImpactReport;

describe('amounts in prose', () => {
  afterEach(cleanup);

  it('keeps the budget tornado description\'s signed base impact on one line, with nothing but its visible characters', () => {
    render(<BudgetTornado report={report} />);
    const amount = screen.getByText('−€1,234');
    expect(amount.tagName).toBe('SPAN');
    expect(amount.className).toBe('nowrap');
    // The description reads (and copies) exactly as the catalogue words it: no joiner or other invisible character.
    const expected = translator('en')('budgetView.tornadoDescription', { base: '−€1,234', n: 2 });
    expect(amount.parentElement!.textContent).toBe(expected);
    expect(amount.parentElement!.textContent).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/u);
  });

  it('wraps only the named amounts and leaves the other words as they are', () => {
    const t = translator('fr-BE');
    const { container } = render(<p>{proseWithAmounts(t, 'uncertainty.tornadoDescriptionOf', { base: '−1 234 €', n: 3, total: 9 }, ['base'])}</p>);
    expect([...container.querySelectorAll('span.nowrap')].map((s) => s.textContent)).toEqual(['−1 234 €']);
    expect(container.textContent).toBe(t('uncertainty.tornadoDescriptionOf', { base: '−1 234 €', n: 3, total: 9 }));
  });
});
