// Terminals that enter the same sub-model after the same time on the path get the same life-years and QALYs (the
// waiting years, then the sub-model): the roll-back computes them once per strategy and (sub-model, time).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../../src/engine/compile-model';
import type { TreeStrategyResult } from '../../../src/engine/tree/compile-tree';
import { waitingValuesComputed } from '../../../src/engine/tree/compile-tree';

const FILE = resolve(__dirname, '../../../resources/examples/liquid-biopsy-nsclc.json');

describe('waiting values of terminals', () => {
  const compiled = compileModel(parseModel(JSON.parse(readFileSync(FILE, 'utf8'))));
  const full = compiled.evaluate(compiled.baseParameters());
  const terminals = full.strategies.map((s) => (s as TreeStrategyResult).tree.paths.filter((p) => p.submodel !== null));
  const distinct = terminals.map((paths) => new Set(paths.map((p) => `${p.submodel}@${p.time}`)).size);

  it('are computed once per strategy, sub-model and entry time in a totals-only evaluation', () => {
    const out = compiled.createResult({ totalsOnly: true });
    const before = waitingValuesComputed();
    compiled.evaluate(compiled.baseParameters(), out);
    const computed = waitingValuesComputed() - before;
    expect(computed).toBe(distinct.reduce((a, b) => a + b, 0));
    // Many terminals share them (otherwise this test would show nothing).
    expect(computed).toBeLessThan(terminals.flat().length / 3);
  });

  it('leave a totals-only evaluation with the totals of a full one', () => {
    const out = compiled.createResult({ totalsOnly: true });
    compiled.evaluate(compiled.baseParameters(), out);
    expect(out.strategies.map((s) => ({ ...s.totals }))).toEqual(full.strategies.map((s) => ({ ...s.totals })));
  });
});
