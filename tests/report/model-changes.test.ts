import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffModelDocuments } from '../../src/report/model-changes';

type Doc = {
  settings: { discount: { costs: number }; wtp?: number[] };
  parameters: { id: string; label?: string; value?: number; uncertainty?: { distribution?: unknown; low?: number } }[];
  strategies: { id: string; label?: string; parameters?: Record<string, unknown> }[];
};

const load = (): Doc => JSON.parse(readFileSync('resources/examples/liquid-biopsy-nsclc.json', 'utf8')) as Doc;

describe('model changes in words', () => {
  it('says a parameter edit with its label and both values, never its id', () => {
    const before = load();
    const after = load();
    const p = after.parameters.find((x) => x.id === 'sens_plasma')!;
    p.value = 0.8;
    const changes = diffModelDocuments(before, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.path).toBe('parameters[#sens_plasma].value');
    expect(changes[0]!.group).toBe('parameter');
    expect(changes[0]!.summary).toBe(`${p.label} 0.69 → 0.8`);
    expect(changes[0]!.summary).not.toContain('sens_plasma');
  });

  it('names settings and distributions in words', () => {
    const before = load();
    const after = load();
    after.settings.discount.costs = 0.035;
    const p = after.parameters.find((x) => x.id === 'sens_plasma')!;
    p.uncertainty = { ...p.uncertainty, distribution: { type: 'beta', alpha: 80, beta: 20 } };
    const summaries = diffModelDocuments(before, after).map((c) => c.summary);
    expect(summaries).toContain('Discount rate for costs 3% → 3.5%');
    expect(summaries.some((s) => s.startsWith(`${p.label}: PSA distribution`) && s.endsWith('→ Beta(α = 80, β = 20)'))).toBe(true);
  });

  it('reports added and removed parameters once each, and nothing for identical documents', () => {
    const before = load();
    const after = load();
    expect(diffModelDocuments(before, after)).toEqual([]);
    const removed = after.parameters.splice(0, 1)[0]!;
    after.parameters.push({ id: 'new_cost', label: 'New cost', value: 10 });
    const summaries = diffModelDocuments(before, after).map((c) => c.summary);
    expect(summaries).toContain(`Parameter ${removed.label ?? removed.id} removed`);
    expect(summaries).toContain('Parameter New cost added');
  });

  it('treats inherited property names as ordinary keys', () => {
    const before = { settings: {}, parameters: [] };
    const after = { settings: { toString: 1 }, parameters: [] };
    expect(diffModelDocuments(before, after).map((c) => c.path)).toEqual(['settings.toString']);
  });
});
