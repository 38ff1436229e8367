// The complete example in docs/model-format.md must stay a valid model giving the numbers the page states.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateModel } from '../../src/engine/model/validate';
import { runJson, totalsOf } from './model-fixtures';

describe('docs/model-format.md', () => {
  const doc = readFileSync(resolve(__dirname, '..', '..', 'docs', 'model-format.md'), 'utf8');
  const start = doc.indexOf('## Complete example');
  const block = doc.slice(start).match(/```json\n([\s\S]*?)```/);

  it('has a complete example that validates and reproduces DMHEE Example 2.5', () => {
    expect(block).not.toBeNull();
    const json = JSON.parse(block![1]!) as unknown;
    expect(validateModel(json).issues).toEqual([]);
    const r = runJson(json);
    expect(totalsOf(r, 'mono').totals.cost).toBeCloseTo(44663.4535637, 6);
    expect(totalsOf(r, 'comb').totals.cost).toBeCloseTo(50601.6513312, 6);
    expect(totalsOf(r, 'comb').totals.lifeYears).toBeCloseTo(8.9373889, 6);
  });
});
