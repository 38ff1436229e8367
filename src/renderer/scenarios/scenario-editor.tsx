import { useId, useState } from 'react';
import type { ScenarioJson } from '../../engine/model/document-edits';
import type { HtaModel } from '../../engine/model/schema';
import { countingLabel } from '../../report/model-description';
import { editableNumber, formatParameter, parseDisplayNumber } from '../settings/display-format';
import { parseParameterInput } from '../models/parameter-input';
import { recentreDistribution } from '../../engine/uncertainty/distribution-summary';
import { Dialog } from '../ui/dialog';
import { useLanguage } from '../i18n/language';
import { translator } from '../../report/i18n/translate';
import type { Translate } from '../../report/i18n/translate';

// Editing one named scenario: its name, description and perspective; new values for parameters (a number, or an
// expression kept as written) with an optional one-way range; and the settings it changes (horizon, discount rates,
// counting method). Blank means "as in the base case". The whole model is checked again after saving, so a
// scenario the engine cannot run is reported with its location.

interface ParameterRow {
  id: string;
  value: string;
  low: string;
  high: string;
  /** Sampled in the PSA: the base distribution re-centred on the scenario value (relative SE kept). */
  sample: boolean;
}

export interface ScenarioDraft {
  label: string;
  description: string;
  perspective: string;
  rows: ParameterRow[];
  horizon: string;
  discountCosts: string;
  discountEffects: string;
  counting: string;
}

type JsonRecord = Record<string, unknown>;

export function draftOf(scenario: ScenarioJson | null): ScenarioDraft {
  const s = (scenario ?? {}) as JsonRecord & { parameters?: Record<string, number | string>; uncertainty?: Record<string, { low?: number; high?: number; distribution?: unknown }>; settings?: JsonRecord & { discount?: JsonRecord } };
  const text = (v: unknown) => (typeof v === 'number' ? editableNumber(v) : typeof v === 'string' ? v : '');
  return {
    label: typeof s.label === 'string' ? s.label : '',
    description: typeof s.description === 'string' ? s.description : '',
    perspective: typeof s.perspective === 'string' ? s.perspective : '',
    rows: Object.entries(s.parameters ?? {}).map(([id, value]) => ({ id, value: text(value), low: text(s.uncertainty?.[id]?.low), high: text(s.uncertainty?.[id]?.high), sample: s.uncertainty?.[id]?.distribution !== undefined })),
    horizon: text(s.settings?.horizon),
    discountCosts: text(s.settings?.discount?.costs),
    discountEffects: text(s.settings?.discount?.effects),
    counting: typeof s.settings?.counting === 'string' ? s.settings.counting : '',
  };
}

// Text made of digits, signs and separators only is meant as a number (read by the display language's rule); anything
// else is an expression, checked with the model.
const numberLike = /^[+\-\u2212]?[\d.,\s\u00a0\u202f]+([eE][+\-\u2212]?\d+)?$/;

/** The scenario the draft describes (keeping fields the form does not edit), or the first problem in words. */
export function scenarioFromDraft(draft: ScenarioDraft, model: HtaModel, id: string, previous: ScenarioJson | null, t: Translate = translator('en')): { ok: true; scenario: ScenarioJson } | { ok: false; error: string } {
  const label = draft.label.trim();
  if (label === '') return { ok: false, error: t('scenarios.needName') };
  const parameters: Record<string, number | string> = {};
  const previousUncertainty = ((previous?.uncertainty ?? {}) as Record<string, JsonRecord>);
  const uncertainty: Record<string, JsonRecord> = {};
  for (const row of draft.rows) {
    const p = model.parameters.find((q) => q.id === row.id);
    if (!p) return { ok: false, error: t('scenarios.needParameter') };
    if (row.id in parameters) return { ok: false, error: t('scenarios.twice', { name: p.label ?? p.id }) };
    const text = row.value.trim();
    if (text === '') return { ok: false, error: t('scenarios.needValue', { name: p.label ?? p.id }) };
    if (numberLike.test(text)) {
      const v = parseParameterInput(text, p);
      if (!v.ok) return { ok: false, error: `${p.label ?? p.id}: ${v.error}` };
      parameters[row.id] = v.value;
    } else {
      parameters[row.id] = text; // an expression, checked with the model
    }
    const low = row.low.trim();
    const high = row.high.trim();
    if ((low === '') !== (high === '')) return { ok: false, error: t('scenarios.bothEnds', { name: p.label ?? p.id }) };
    const kept: JsonRecord = { ...(previousUncertainty[row.id] ?? {}) };
    delete kept.low;
    delete kept.high;
    if (low !== '') {
      const l = parseParameterInput(low, p);
      const h = parseParameterInput(high, p);
      if (!l.ok) return { ok: false, error: t('scenarios.lowEnd', { name: p.label ?? p.id, error: l.error }) };
      if (!h.ok) return { ok: false, error: t('scenarios.highEnd', { name: p.label ?? p.id, error: h.error }) };
      if (l.value >= h.value) return { ok: false, error: t('scenarios.lowBelowHigh', { name: p.label ?? p.id }) };
      kept.low = l.value;
      kept.high = h.value;
    }
    const value = parameters[row.id];
    const baseDistribution = p.uncertainty?.distribution;
    if (!row.sample) delete kept.distribution;
    else if (typeof value === 'number' && baseDistribution) {
      const moved = recentreDistribution(baseDistribution, value, p.id);
      if (!moved.ok) return { ok: false, error: t('scenarios.cannotCentre', { name: p.label ?? p.id, value: formatParameter(value), message: moved.message }) };
      kept.distribution = moved.spec;
    }
    if (Object.keys(kept).length > 0) uncertainty[row.id] = kept;
  }
  const settings: JsonRecord = { ...((previous?.settings as JsonRecord | undefined) ?? {}) };
  delete settings.horizon;
  delete settings.counting;
  const discount: JsonRecord = { ...((settings.discount as JsonRecord | undefined) ?? {}) };
  delete discount.costs;
  delete discount.effects;
  delete settings.discount;
  if (draft.horizon.trim() !== '') {
    const v = parseDisplayNumber(draft.horizon.trim(), {}, t);
    if (!v.ok || !(v.value > 0)) return { ok: false, error: v.ok ? t('scenarios.horizon') : t('scenarios.horizonWhy', { error: v.error }) };
    settings.horizon = v.value;
    delete settings.cycles;
  }
  for (const [key, text] of [['costs', draft.discountCosts], ['effects', draft.discountEffects]] as const) {
    const typed = text.trim();
    if (typed === '') continue;
    const v = parseDisplayNumber(typed, {}, t);
    if (!v.ok || v.value < 0 || v.value >= 1) return { ok: false, error: t(key === 'costs' ? 'scenarios.rateCosts' : 'scenarios.rateEffects', { example: editableNumber(0.03) }) };
    discount[key] = v.value;
  }
  if (Object.keys(discount).length > 0) settings.discount = discount;
  if (draft.counting !== '') settings.counting = draft.counting;
  const scenario: ScenarioJson = { id, label };
  if (draft.description.trim()) scenario.description = draft.description.trim();
  if (draft.perspective.trim()) scenario.perspective = draft.perspective.trim();
  if (Object.keys(parameters).length > 0) scenario.parameters = parameters;
  if (Object.keys(uncertainty).length > 0) scenario.uncertainty = uncertainty;
  if (Object.keys(settings).length > 0) scenario.settings = settings;
  return { ok: true, scenario };
}

export function ScenarioEditor({ open, model, scenario, onSave, onClose }: { open: boolean; model: HtaModel; scenario: ScenarioJson | null; onSave: (draft: ScenarioDraft) => string | null; onClose: () => void }) {
  const { t } = useLanguage();
  const formId = useId();
  const [draft, setDraft] = useState<ScenarioDraft>(() => draftOf(scenario));
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<ScenarioDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setRow = (k: number, change: Partial<ParameterRow>) => setDraft((d) => ({ ...d, rows: d.rows.map((r, i) => (i === k ? { ...r, ...change } : r)) }));
  const base = (id: string) => {
    const p = model.parameters.find((q) => q.id === id);
    return p?.value !== undefined ? formatParameter(p.value) : (p?.expression ?? '');
  };
  const save = () => {
    const problem = onSave(draft);
    setError(problem);
  };
  const s = model.settings;
  return (
    <Dialog
      open={open}
      title={scenario ? t('scenarios.editTitle', { name: scenario.label ?? scenario.id }) : t('scenarios.new')}
      onClose={onClose}
      wide
      testId="scenario-editor"
      footer={
        <>
          {error && <span className="field-error dialog-error" role="alert" data-testid="scenario-editor-error">{error}</span>}
          <button type="button" className="btn" onClick={onClose} data-testid="scenario-cancel">{t('common.cancel')}</button>
          <button type="button" className="btn btn-primary" onClick={save} data-testid="scenario-save">{t('scenarios.save')}</button>
        </>
      }
    >
      <form className="scenario-form" onSubmit={(e) => { e.preventDefault(); save(); }}>
        <div className="form-grid">
          <div className="field">
            <label className="field-label" htmlFor={`${formId}-label`}>{t('scenarios.name')}</label>
            <input id={`${formId}-label`} className="input" value={draft.label} onChange={(e) => set({ label: e.target.value })} data-testid="scenario-label" autoFocus />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${formId}-perspective`}>{t('scenarios.perspective')}</label>
            <input id={`${formId}-perspective`} className="input" value={draft.perspective} onChange={(e) => set({ perspective: e.target.value })} data-testid="scenario-perspective" />
          </div>
          <div className="field span-all">
            <label className="field-label" htmlFor={`${formId}-description`}>{t('scenarios.description')}</label>
            <input id={`${formId}-description`} className="input" value={draft.description} onChange={(e) => set({ description: e.target.value })} data-testid="scenario-description" />
          </div>
        </div>
        <fieldset className="fieldset scenario-fieldset">
          <legend className="field-label">{t('scenarios.parameterValues')}</legend>
          {draft.rows.length > 0 && (
            <table className="table scenario-rows">
              <thead>
                <tr>
                  <th scope="col">{t('uncertainty.parameter')}</th>
                  <th scope="col" className="num">{t('scenarios.base')}</th>
                  <th scope="col">{t('scenarios.value')}</th>
                  <th scope="col">{t('scenarios.low')}</th>
                  <th scope="col">{t('scenarios.high')}</th>
                  <th scope="col">{t('scenarios.sampled')}</th>
                  <th scope="col"><span className="visually-hidden">{t('rates.remove')}</span></th>
                </tr>
              </thead>
              <tbody>
                {draft.rows.map((row, k) => {
                  const name = model.parameters.find((p) => p.id === row.id)?.label ?? row.id;
                  return (
                    <tr key={k} data-testid="scenario-row">
                      <td>
                        <select className="select" aria-label={t('scenarios.parameterN', { n: k + 1 })} value={row.id} onChange={(e) => setRow(k, { id: e.target.value })} data-testid="scenario-row-parameter">
                          {model.parameters.map((p) => <option key={p.id} value={p.id}>{p.label ?? p.id}</option>)}
                        </select>
                      </td>
                      <td className="num">{base(row.id)}</td>
                      <td><input className="input input-num" aria-label={t('scenarios.valueOf', { name })} value={row.value} onChange={(e) => setRow(k, { value: e.target.value })} data-testid="scenario-row-value" /></td>
                      <td><input className="input input-num" aria-label={t('scenarios.lowOf', { name })} value={row.low} onChange={(e) => setRow(k, { low: e.target.value })} data-testid="scenario-row-low" /></td>
                      <td><input className="input input-num" aria-label={t('scenarios.highOf', { name })} value={row.high} onChange={(e) => setRow(k, { high: e.target.value })} data-testid="scenario-row-high" /></td>
                      <td><input type="checkbox" checked={row.sample} onChange={(e) => setRow(k, { sample: e.target.checked })} aria-label={t('scenarios.sampleOf', { name })} disabled={!model.parameters.find((p) => p.id === row.id)?.uncertainty?.distribution} data-testid="scenario-row-sample" /></td>
                      <td><button type="button" className="btn btn-sm btn-ghost" onClick={() => setDraft((d) => ({ ...d, rows: d.rows.filter((_, i) => i !== k) }))} aria-label={t('scenarios.removeOf', { name })}>{t('rates.remove')}</button></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <button type="button" className="btn btn-sm" onClick={() => setDraft((d) => ({ ...d, rows: [...d.rows, { id: model.parameters.find((p) => !d.rows.some((r) => r.id === p.id))?.id ?? '', value: '', low: '', high: '', sample: true }] }))} data-testid="scenario-add-parameter">
            {t('scenarios.addParameter')}
          </button>
          <p className="field-hint">{t('scenarios.valuesHint')}</p>
        </fieldset>
        <fieldset className="fieldset scenario-fieldset">
          <legend className="field-label">{t('scenarios.settings')}</legend>
          <div className="form-grid form-grid-4">
            <div className="field">
              <label className="field-label" htmlFor={`${formId}-horizon`}>{t('scenarios.horizonField', { base: s.horizon !== undefined ? formatParameter(s.horizon) : '—' })}</label>
              <input id={`${formId}-horizon`} className="input input-num" value={draft.horizon} onChange={(e) => set({ horizon: e.target.value })} data-testid="scenario-horizon" />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${formId}-dc`}>{t('scenarios.costRateField', { base: formatParameter(s.discount.costs) })}</label>
              <input id={`${formId}-dc`} className="input input-num" value={draft.discountCosts} onChange={(e) => set({ discountCosts: e.target.value })} data-testid="scenario-discount-costs" />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${formId}-de`}>{t('scenarios.effectRateField', { base: formatParameter(s.discount.effects) })}</label>
              <input id={`${formId}-de`} className="input input-num" value={draft.discountEffects} onChange={(e) => set({ discountEffects: e.target.value })} data-testid="scenario-discount-effects" />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${formId}-counting`}>{t('scenarios.counting')}</label>
              <select id={`${formId}-counting`} className="select" value={draft.counting} onChange={(e) => set({ counting: e.target.value })} data-testid="scenario-counting">
                <option value="">{t('scenarios.asBase')}</option>
                {['beginning', 'end', 'life-table', 'half-cycle', 'simpson-1/3'].map((c) => <option key={c} value={c}>{countingLabel(c, t)}</option>)}
              </select>
            </div>
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}
