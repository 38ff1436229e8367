// Every model type exposes the same CompiledModel description and rejects a parameter array of the wrong size.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileModel, parseModel } from '../../src/engine/compile-model';

const examples = ['hiv-chancellor-1997.json', 'liquid-biopsy-nsclc.json'];

describe.each(examples)('compiled model contract: %s', (file) => {
  const model = parseModel(JSON.parse(readFileSync(resolve(__dirname, '../../resources/examples', file), 'utf8')));
  const compiled = compileModel(model);

  it('describes its strategies and parameters as the file does', () => {
    expect(compiled.type).toBe(model.model.type);
    expect(compiled.strategyIds).toEqual(model.strategies.map((s) => s.id));
    expect(compiled.parameterIds).toEqual(model.parameters.map((p) => p.id));
    expect(compiled.baseParameters()).toHaveLength(model.parameters.length);
    expect(compiled.baseParameters()).not.toBe(compiled.baseParameters());
  });

  it('rejects a parameter array of the wrong length', () => {
    const short = compiled.baseParameters().subarray(1);
    expect(() => compiled.evaluate(short)).toThrow(`expected ${model.parameters.length} parameter values, got ${model.parameters.length - 1}`);
  });
});
