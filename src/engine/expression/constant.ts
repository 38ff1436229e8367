// A number written as an expression of numbers only ("log(3)", "1/12", "exp(-0.5)"): for fields that need a
// value before any parameter exists, such as distribution parameters. Same parser and functions as the model's
// expressions; no names, so nothing but constants and whitelisted functions.
import { collectNames, parseExpression } from './parser';
import { compileExpressionTree, VARIABLE_COUNT } from './compile';
import { CONDITIONAL_FUNCTION, getFunction } from './functions';

export type ConstantValue = { value: number; error?: undefined } | { value?: undefined; error: string };

export function evaluateConstantExpression(source: string): ConstantValue {
  let tree;
  try {
    tree = parseExpression(source);
  } catch (e) {
    return { error: `cannot read "${source}": ${(e as Error).message}` };
  }
  const { names, calls } = collectNames(tree);
  if (names.size > 0) return { error: `"${source}" names ${[...names].join(', ')}; here only numbers and functions are allowed (e.g. "log(3)"), not parameters or model variables` };
  const unknown = [...calls].filter((c) => c !== CONDITIONAL_FUNCTION && !getFunction(c));
  if (unknown.length > 0) return { error: `"${source}" calls ${unknown.join(', ')}, which is not a function of the expression language` };
  let value: number;
  try {
    value = compileExpressionTree(tree, { cycleLength: 1, parameterSlot: () => undefined, table: () => undefined })(new Float64Array(0), new Float64Array(VARIABLE_COUNT));
  } catch (e) {
    return { error: `cannot evaluate "${source}": ${(e as Error).message}` };
  }
  return Number.isFinite(value) ? { value } : { error: `"${source}" is ${value}, not a finite number` };
}
