// A variant of a model chosen on the command line, without editing the file: a named scenario (--scenario) and
// parameter values (--set name=value, repeatable), checked again as a whole so a value that breaks the model is
// reported where it breaks it.
import type { HtaModel } from '../engine/model/schema';
import { applyScenario } from '../engine/sensitivity/scenarios';
import { validateModel } from '../engine/model/validate';
import { formatIssue } from '../engine/errors';
import { suggestName } from '../engine/model/parameter-program';
import { UsageError } from './io';
import type { CliIo } from './io';

export function withScenario(model: HtaModel, scenarioId: string | undefined): HtaModel {
  if (scenarioId === undefined) return model;
  if (!model.scenarios.some((s) => s.id === scenarioId)) {
    throw new UsageError(`unknown scenario "${scenarioId}" (scenarios: ${model.scenarios.map((s) => s.id).join(', ') || 'none'})`);
  }
  return applyScenario(model, scenarioId);
}

export interface ParameterSetting {
  /** The argument as typed, for messages. */
  argument: string;
  name: string;
  value: number | string;
}

/** "r_death=0.02" or "hr=exp(-0.3)": a number, or an expression in the model's expression language. */
export function parseSettings(values: readonly string[]): ParameterSetting[] {
  return values.map((argument) => {
    const eq = argument.indexOf('=');
    const name = eq < 0 ? '' : argument.slice(0, eq).trim();
    const text = eq < 0 ? '' : argument.slice(eq + 1).trim();
    if (name === '' || text === '') throw new UsageError(`--set ${argument}: write --set name=value, e.g. --set p_death=0.02`);
    const number = Number(text);
    return { argument, name, value: Number.isFinite(number) ? number : text };
  });
}

/**
 * The model with the parameters set (value or expression replaces the file's; later --set of the same name wins),
 * or null after printing every problem the new values cause. Strategy overrides of a set parameter stay (said on
 * stderr).
 */
export function withSettings(model: HtaModel, settings: readonly ParameterSetting[], file: string, io: CliIo): HtaModel | null {
  if (settings.length === 0) return model;
  const index = new Map(model.parameters.map((p, i) => [p.id, i]));
  const parameters = model.parameters.map((p) => ({ ...p }));
  for (const s of settings) {
    const i = index.get(s.name);
    if (i === undefined) throw new UsageError(`--set ${s.argument}: the model has no parameter "${s.name}"${suggestName(s.name, index.keys())}`);
    const { value: _value, expression: _expression, ...rest } = parameters[i]!;
    parameters[i] = typeof s.value === 'number' ? { ...rest, value: s.value } : { ...rest, expression: s.value };
    const overriding = model.strategies.filter((st) => st.parameters !== undefined && Object.hasOwn(st.parameters, s.name)).map((st) => st.id);
    if (overriding.length > 0) io.err(`${file}: note: --set ${s.name} changes the model's value; strategy ${overriding.join(', ')} keeps its own override`);
  }
  const changed: HtaModel = { ...model, parameters };
  const report = validateModel(changed);
  const errors = report.issues.filter((i) => i.severity === 'error');
  if (errors.length === 0 && report.model) return report.model;
  const by = settings.map((s) => `--set ${s.argument}`).join(' ');
  io.err(`${file} with ${by}: invalid model (${errors.length} error${errors.length === 1 ? '' : 's'})`);
  for (const issue of errors) {
    const setter = issue.path[0] === 'parameters' && typeof issue.path[1] === 'number' ? settings.find((s) => s.name === model.parameters[issue.path[1] as number]!.id) : undefined;
    io.err(`  ${setter ? `--set ${setter.argument}: ` : ''}${formatIssue(issue)}`);
  }
  return null;
}
