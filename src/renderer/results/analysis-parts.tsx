import type { ParameterRange } from '../../engine/analysis/model-check';
import type { AnalysisProblem } from '../../engine/analysis/problems';
import type { HtaModel } from '../../engine/model/schema';
import { editableNumber, formatMoney, formatParameter } from '../settings/display-format';
import { parseParameterInput } from '../models/parameter-input';
import type { ParsedInput } from '../models/parameter-input';
import { describeProblem } from '../../report/engine-problems';
import { useLanguage } from '../i18n/language';

// Pieces the analysis sections share: a parameter's name with its unit, its values formatted as money when it is a
// cost, the ranged parameters to choose from, a typed range end read with the parameter's own rules, problems listed.

export function parameterOf(model: HtaModel, id: string) {
  return model.parameters.find((p) => p.id === id);
}

/**
 * The unit an axis title gives a parameter ("EUR per test", "months", the model's currency for a cost without one);
 * none for probabilities, shares, utilities and ratios, whose values say what they are.
 */
export function parameterUnit(model: HtaModel, id: string): string {
  const p = parameterOf(model, id);
  const unit = p?.unit?.trim() ?? '';
  if (p?.kind === 'probability' || p?.kind === 'proportion' || /^(probability|proportion|share\b|utility|relative risk|ratio)/i.test(unit)) return '';
  return unit !== '' ? unit : p?.kind === 'cost' ? (model.settings.currency ?? '') : '';
}

/** "Plasma NGS test cost (EUR per test)", "Plasma NGS turnaround (days)" or "Plasma test sensitivity". */
export function parameterName(model: HtaModel, id: string): string {
  const label = parameterOf(model, id)?.label ?? id;
  const unit = parameterUnit(model, id);
  return unit ? `${label} (${unit})` : label;
}

/** Values of the parameter as a person reads them: money for costs, else up to 6 significant digits. */
export function parameterFormatter(model: HtaModel, id: string): (v: number) => string {
  const p = parameterOf(model, id);
  return p?.kind === 'cost' ? (v) => formatMoney(v, model.settings.currency, !Number.isInteger(v) && Math.abs(v) < 100 ? 2 : 0) : formatParameter;
}

/**
 * Parameters a deterministic analysis can vary (those with a range), labelled, in model order, with the text their
 * range fields start with (written by the display language, read back unchanged).
 */
export function rangedParameters(model: HtaModel, ranges: readonly ParameterRange[]): { id: string; label: string; low: number; high: number; base: number | null; text: { low: string; high: string } }[] {
  return ranges.map((r) => {
    const p = parameterOf(model, r.id);
    const low = Math.min(r.low, r.high);
    const high = Math.max(r.low, r.high);
    return { id: r.id, label: p?.label ?? r.id, low, high, base: typeof p?.value === 'number' ? p.value : null, text: { low: editableNumber(low), high: editableNumber(high) } };
  });
}

export function parseEnd(model: HtaModel, id: string, text: string): ParsedInput {
  const p = parameterOf(model, id);
  return parseParameterInput(text, { id, kind: p?.kind });
}

export function ParameterSelect({ id, label, value, options, onChange, testId }: { id: string; label: string; value: string; options: { id: string; label: string }[]; onChange: (id: string) => void; testId: string }) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>{label}</label>
      <select id={id} className="select select-parameter" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function NumberField({ id, label, value, onChange, invalid, testId, short }: { id: string; label: string; value: string; onChange: (text: string) => void; invalid?: boolean; testId: string; short?: boolean }) {
  return (
    <div className={short ? 'field field-short' : 'field field-range'}>
      <label className="field-label" htmlFor={id}>{label}</label>
      <input id={id} className="input input-num" inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} data-testid={testId} />
    </div>
  );
}

export function ProblemsNotice({ title, problems, testId }: { title: string; problems: readonly AnalysisProblem[]; testId: string }) {
  const { t, fmt } = useLanguage();
  if (problems.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert" data-testid={testId}>
      <div>
        <strong>{title}</strong>
        <ul className="plain-list">{problems.map((p, i) => <li key={i}>{p.path && <span className="mono">{p.path}: </span>}{describeProblem(p, t, fmt)}</li>)}</ul>
      </div>
    </div>
  );
}
