import { useId, useMemo, useState } from 'react';
import type { Parameter } from '../../engine/model/schema';
import type { UncertaintyChange } from '../../engine/model/document-edits';
import type { DistributionSpec, DistributionType } from '../../engine/uncertainty/distribution-spec';
import { parameterisationProblem } from '../../engine/uncertainty/distribution-spec';
import { summariseDistribution } from '../../engine/uncertainty/distribution-summary';
import type { DistributionSummary } from '../../engine/uncertainty/distribution-summary';
import { formatParameter } from '../settings/display-format';
import { Dialog } from '../ui/dialog';
import { useLanguage } from '../i18n/language';
import type { MessageKey, Translate } from '../../report/i18n/translate';
import { parseParameterInput } from './parameter-input';

// The uncertainty of one parameter: its PSA distribution (type, then its parameters natively or as mean and SE) with
// a density preview, its mean and 95% interval, and the one-way range (the file's low/high, or the distribution's
// 2.5th–97.5th percentiles). What is applied here is exactly what the PSA samples and the tornado varies.

type Choice = 'none' | Exclude<DistributionType, 'dirichlet'>;

const choices: { value: Choice; label: MessageKey }[] = [
  { value: 'none', label: 'dist.choice.none' },
  { value: 'beta', label: 'dist.choice.beta' },
  { value: 'gamma', label: 'dist.choice.gamma' },
  { value: 'lognormal', label: 'dist.choice.lognormal' },
  { value: 'normal', label: 'dist.choice.normal' },
  { value: 'uniform', label: 'dist.choice.uniform' },
  { value: 'triangular', label: 'dist.choice.triangular' },
  { value: 'fixed', label: 'dist.choice.fixed' },
];

type Field = { key: string; label: MessageKey };
const field = (key: 'mean' | 'se' | 'alpha' | 'beta' | 'shape' | 'scale' | 'rate' | 'meanlog' | 'sdlog' | 'sd' | 'min' | 'max' | 'mode' | 'value'): Field => ({ key, label: `dist.field.${key}` });
const meanSe = { id: 'moments', label: 'dist.form.meanSe', fields: [field('mean'), field('se')] } as const;

/** Each type's parameterisations: the fields, with their labels. */
const forms: Record<Exclude<Choice, 'none'>, readonly { id: string; label: MessageKey; fields: readonly Field[] }[]> = {
  beta: [meanSe, { id: 'native', label: 'dist.form.alphaBeta', fields: [field('alpha'), field('beta')] }],
  gamma: [meanSe, { id: 'scale', label: 'dist.form.shapeScale', fields: [field('shape'), field('scale')] }, { id: 'rate', label: 'dist.form.shapeRate', fields: [field('shape'), field('rate')] }],
  lognormal: [meanSe, { id: 'native', label: 'dist.form.logMoments', fields: [field('meanlog'), field('sdlog')] }],
  normal: [{ id: 'moments', label: 'dist.form.meanSd', fields: [field('mean'), field('sd')] }],
  uniform: [{ id: 'native', label: 'dist.form.minMax', fields: [field('min'), field('max')] }],
  triangular: [{ id: 'native', label: 'dist.form.minModeMax', fields: [field('min'), field('mode'), field('max')] }],
  fixed: [{ id: 'native', label: 'dist.form.value', fields: [field('value')] }],
};

function formOf(spec: DistributionSpec | undefined): { choice: Choice; form: string; values: Record<string, string> } {
  if (!spec || spec.type === 'dirichlet') return { choice: 'none', form: 'moments', values: {} };
  const values = Object.fromEntries(Object.entries(spec).filter(([k]) => k !== 'type').map(([k, v]) => [k === 'se' && spec.type === 'normal' ? 'sd' : k, formatParameter(v as number)]));
  const options = forms[spec.type];
  const form = options.find((f) => f.fields.every((field) => values[field.key] !== undefined))?.id ?? options[0]!.id;
  return { choice: spec.type, form, values };
}

/** Mean and SD to pre-fill a newly chosen type: the current distribution's, else the base value with a 10% SE. */
function startingMoments(current: DistributionSummary | null, base: number | undefined): { mean: number; sd: number } {
  if (current && current.sd > 0) return { mean: current.mean, sd: current.sd };
  const mean = base ?? current?.mean ?? 1;
  return { mean, sd: Math.abs(mean) * 0.1 || 0.1 };
}

function prefill(choice: Exclude<Choice, 'none'>, moments: { mean: number; sd: number }): { form: string; values: Record<string, string> } {
  const f = (v: number) => formatParameter(v);
  switch (choice) {
    case 'uniform':
      return { form: 'native', values: { min: f(moments.mean - Math.sqrt(3) * moments.sd), max: f(moments.mean + Math.sqrt(3) * moments.sd) } };
    case 'triangular':
      return { form: 'native', values: { min: f(moments.mean - Math.sqrt(6) * moments.sd), mode: f(moments.mean), max: f(moments.mean + Math.sqrt(6) * moments.sd) } };
    case 'fixed':
      return { form: 'native', values: { value: f(moments.mean) } };
    case 'normal':
      return { form: 'moments', values: { mean: f(moments.mean), sd: f(moments.sd) } };
    default:
      return { form: 'moments', values: { mean: f(moments.mean), se: f(moments.sd) } };
  }
}

type Built = { ok: true; spec: DistributionSpec | null; summary: DistributionSummary | null } | { ok: false; error: string };

function build(choice: Choice, form: string, values: Record<string, string>, parameter: Pick<Parameter, 'id'>, t: Translate): Built {
  if (choice === 'none') return { ok: true, spec: null, summary: null };
  const fields = forms[choice].find((f) => f.id === form)?.fields ?? forms[choice][0]!.fields;
  const spec: Record<string, unknown> = { type: choice };
  for (const f of fields) {
    const parsed = parseParameterInput(values[f.key] ?? '', { id: parameter.id, kind: 'other' }, t);
    if (!parsed.ok) return { ok: false, error: t('dist.fieldError', { field: t(f.label), error: parsed.error }) };
    spec[f.key] = parsed.value;
  }
  const problem = parameterisationProblem(spec as unknown as DistributionSpec);
  if (problem) return { ok: false, error: problem };
  const summary = summariseDistribution(spec as unknown as DistributionSpec, parameter.id);
  if (!summary.ok) return { ok: false, error: summary.message };
  return { ok: true, spec: spec as unknown as DistributionSpec, summary: summary.summary };
}

export interface DistributionDialogProps {
  parameter: Parameter;
  onApply: (change: UncertaintyChange) => void;
  onClose: () => void;
}

export function DistributionDialog({ parameter, onApply, onClose }: DistributionDialogProps) {
  const id = useId();
  const { t } = useLanguage();
  const spec = parameter.uncertainty?.distribution;
  const initial = formOf(spec);
  const currentSummary = useMemo(() => {
    if (!spec || spec.type === 'dirichlet') return null;
    const s = summariseDistribution(spec, parameter.id);
    return s.ok ? s.summary : null;
  }, [spec, parameter.id]);
  const [choice, setChoice] = useState<Choice>(initial.choice);
  const [form, setForm] = useState(initial.form);
  const [values, setValues] = useState<Record<string, string>>(initial.values);
  const fileRange = parameter.uncertainty?.low !== undefined && parameter.uncertainty?.high !== undefined;
  const [ownRange, setOwnRange] = useState(fileRange);
  const [low, setLow] = useState(fileRange ? formatParameter(parameter.uncertainty!.low) : '');
  const [high, setHigh] = useState(fileRange ? formatParameter(parameter.uncertainty!.high) : '');

  const built = build(choice, form, values, parameter, t);
  const lowParsed = parseParameterInput(low, parameter, t);
  const highParsed = parseParameterInput(high, parameter, t);
  const rangeError = !ownRange
    ? null
    : !lowParsed.ok
      ? t('dist.lowError', { error: lowParsed.error })
      : !highParsed.ok
        ? t('dist.highError', { error: highParsed.error })
        : !(lowParsed.value < highParsed.value)
          ? t('dist.lowAboveHigh')
          : null;
  const error = !built.ok ? built.error : rangeError;
  const dirichlet = spec?.type === 'dirichlet';

  const choose = (next: Choice) => {
    setChoice(next);
    if (next === 'none') return;
    const start = prefill(next, startingMoments(built.ok && built.summary ? built.summary : currentSummary, parameter.value));
    setForm(start.form);
    setValues(start.values);
  };
  const apply = () => {
    if (error || !built.ok) return;
    onApply({
      distribution: built.spec,
      low: ownRange && lowParsed.ok ? lowParsed.value : null,
      high: ownRange && highParsed.ok ? highParsed.value : null,
    });
  };
  const fields = choice === 'none' ? [] : (forms[choice].find((f) => f.id === form) ?? forms[choice][0]!).fields;
  const name = parameter.label ?? parameter.id;

  return (
    <Dialog
      open
      wide
      title={t('dist.title', { name })}
      onClose={onClose}
      testId="distribution-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="btn btn-primary" onClick={apply} disabled={error !== null || dirichlet} data-testid="distribution-apply">{t('dist.apply')}</button>
        </>
      }
    >
      <p className="subtle">
        {parameter.value !== undefined ? t('dist.intro', { value: formatParameter(parameter.value) }) : t('dist.introExpression', { expression: parameter.expression ?? '' })}
      </p>
      {dirichlet ? (
        <div className="notice notice-info">{t('dist.dirichlet', { group: spec.group, alpha: formatParameter(spec.alpha) })}</div>
      ) : (
        <div className="distribution-editor">
          <div className="distribution-fields">
            <div className="field">
              <label className="field-label" htmlFor={`${id}-type`}>{t('dist.type')}</label>
              <select id={`${id}-type`} className="select" value={choice} onChange={(e) => choose(e.target.value as Choice)} data-testid="distribution-type">
                {choices.map((c) => <option key={c.value} value={c.value}>{t(c.label)}</option>)}
              </select>
            </div>
            {choice !== 'none' && forms[choice].length > 1 && (
              <div className="field">
                <label className="field-label" htmlFor={`${id}-form`}>{t('dist.givenAs')}</label>
                <select id={`${id}-form`} className="select" value={form} onChange={(e) => setForm(e.target.value)} data-testid="distribution-form">
                  {forms[choice].map((f) => <option key={f.id} value={f.id}>{t(f.label)}</option>)}
                </select>
              </div>
            )}
            <div className="distribution-numbers">
              {fields.map((f) => (
                <div key={f.key} className="field">
                  <label className="field-label" htmlFor={`${id}-${f.key}`}>{t(f.label)}</label>
                  <input id={`${id}-${f.key}`} className="input input-num" inputMode="decimal" value={values[f.key] ?? ''}
                    onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} data-testid={`dist-input-${f.key}`} />
                </div>
              ))}
            </div>
            <fieldset className="fieldset">
              <legend className="field-label">{t('dist.range')}</legend>
              <label className="checkbox">
                <input type="checkbox" checked={ownRange} onChange={(e) => setOwnRange(e.target.checked)} data-testid="range-own" />
                {t('dist.ownRange')}
              </label>
              {ownRange ? (
                <div className="distribution-numbers">
                  <div className="field">
                    <label className="field-label" htmlFor={`${id}-low`}>{t('dist.low')}</label>
                    <input id={`${id}-low`} className="input input-num" inputMode="decimal" value={low} onChange={(e) => setLow(e.target.value)} data-testid="range-low" />
                  </div>
                  <div className="field">
                    <label className="field-label" htmlFor={`${id}-high`}>{t('dist.high')}</label>
                    <input id={`${id}-high`} className="input input-num" inputMode="decimal" value={high} onChange={(e) => setHigh(e.target.value)} data-testid="range-high" />
                  </div>
                </div>
              ) : (
                <p className="subtle">{choice === 'none' || choice === 'fixed' ? t('dist.noRangeNote') : t('dist.percentilesNote')}</p>
              )}
            </fieldset>
          </div>
          <DistributionPreview built={built} base={parameter.value} range={ownRange && lowParsed.ok && highParsed.ok ? [lowParsed.value, highParsed.value] : null} />
        </div>
      )}
      <p className={error ? 'field-error' : 'field-hint'} role={error ? 'alert' : undefined} data-testid="distribution-message">
        {error ?? ' '}
      </p>
    </Dialog>
  );
}

const W = 300;
const H = 110;

/** A small density curve with the base value and the one-way range marked, and the summary in words. */
function DistributionPreview({ built, base, range }: { built: Built; base: number | undefined; range: [number, number] | null }) {
  const { t } = useLanguage();
  if (!built.ok) return <div className="distribution-preview empty-preview" aria-hidden="true" />;
  const s = built.summary;
  if (!s) return <div className="distribution-preview"><p className="subtle">{t('dist.noDistribution')}</p></div>;
  const points = s.density;
  const xs = [...points.map((p) => p.x), ...(base !== undefined ? [base] : []), ...(range ?? [])];
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const yMax = Math.max(...points.map((p) => p.y), 1e-300);
  const sx = (x: number) => (x1 > x0 ? 8 + ((x - x0) / (x1 - x0)) * (W - 16) : W / 2);
  const sy = (y: number) => H - 18 - (y / yMax) * (H - 30);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join('');
  const area = points.length > 1 ? `${path}L${sx(points[points.length - 1]!.x).toFixed(1)},${H - 18}L${sx(points[0]!.x).toFixed(1)},${H - 18}Z` : '';
  const f = formatParameter;
  const f4 = (v: number) => formatParameter(Number(v.toPrecision(4)));
  return (
    <div className="distribution-preview" data-testid="distribution-preview">
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('dist.densityLabel', { from: f(points[0]?.x), to: f(points[points.length - 1]?.x), mean: f(s.mean) })}>
        <path d={area} fill="#e7effa" />
        <path d={path} fill="none" stroke="#1d5ea8" strokeWidth={2} />
        <line x1={8} x2={W - 8} y1={H - 18} y2={H - 18} stroke="#8e99a8" />
        {range && range.map((r, i) => <line key={i} x1={sx(r)} x2={sx(r)} y1={12} y2={H - 18} stroke="#c4510f" strokeDasharray="4 3" />)}
        {base !== undefined && <line x1={sx(base)} x2={sx(base)} y1={6} y2={H - 18} stroke="#17202b" strokeWidth={1.5} />}
        <text x={8} y={H - 4} fontSize={11} fill="#4f5b6a">{f(Number(x0.toPrecision(3)))}</text>
        <text x={W - 8} y={H - 4} fontSize={11} fill="#4f5b6a" textAnchor="end">{f(Number(x1.toPrecision(3)))}</text>
      </svg>
      <dl className="distribution-stats">
        <div><dt>{t('dist.mean')}</dt><dd data-testid="preview-mean">{f(s.mean)}</dd></div>
        <div><dt>{t('dist.sd')}</dt><dd>{f4(s.sd)}</dd></div>
        <div><dt>{t('dist.interval')}</dt><dd data-testid="preview-interval">{t('dist.intervalValue', { low: f4(s.low95), high: f4(s.high95) })}</dd></div>
      </dl>
      <p className="subtle legend-line"><span className="legend-swatch base" /> {t('dist.baseValue')} {range && <><span className="legend-swatch range" /> {t('dist.oneWayRange')}</>}</p>
    </div>
  );
}
