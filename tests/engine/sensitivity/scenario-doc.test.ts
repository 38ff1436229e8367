// The scenario example in docs/model-format.md must stay valid for the scenario schema.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../../src/engine/model/schema';

describe('docs/model-format.md scenarios section', () => {
  it('has a scenarios example that the schema accepts, with no defaults filled in', () => {
    const doc = readFileSync(resolve(__dirname, '..', '..', '..', 'docs', 'model-format.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Scenarios (`scenarios`)'));
    const block = section.match(/```json\n([\s\S]*?)```/);
    expect(block).not.toBeNull();
    const scenarios = (JSON.parse(`{${block![1]!}}`) as { scenarios: unknown[] }).scenarios;
    expect(scenarios.length).toBe(4);
    const parsed = scenarios.map((s) => scenarioSchema.parse(s));
    expect(parsed[2]!.settings).toEqual({ horizon: 5, discount: { costs: 0.04 } });
  });
});
