import { useEffect, useMemo, useState } from 'react';
import { useRetainedState } from '../ui/retained-state';
import { DEFAULT_COUNTRY_SELECTION, useCountrySettings } from './country-settings';
import { countryProfileSchema, profileFieldIds } from '../../engine/countries/country-profile';
import type { CountryProfile, ProfileFieldId, VerificationStatus } from '../../engine/countries/country-profile';
import type { CountryComparisonOutcome, CountryRequest, HeadroomResult } from '../../engine/countries/country-comparison';
import { emptyRateTable, exchangeRateTableSchema, rateBases } from '../../engine/countries/exchange-rates';
import type { ExchangeRateTable, RateBasis } from '../../engine/countries/exchange-rates';
import { applyCountryProfile } from '../../engine/countries/apply-profile';
import type { NotAppliedCode, ProfileApplication } from '../../engine/countries/apply-profile';
import { shippedCountryProfiles } from '../../dossier/country-profiles';
import type { StoredModel } from '../../dossier/workspace-models';
import type { MessageKey } from '../../report/i18n/translate';
import { countryComparisonChart, countryName, discountText, problemText, strategyLabel, thresholdText } from '../../report/countries/country-text';
import { AppFrame } from '../layout/app-frame';
import { useWorkspace } from '../dossiers/workspace-context';
import { exampleModels } from '../models/model-catalog';
import { engineWorker } from '../workers/engine-client';
import { Dialog } from '../ui/dialog';
import { useLanguage } from '../i18n/language';
import type { Language } from '../i18n/language';
import './countries.css';

// The Countries screen: the shipped country profiles side by side (every field with how sure it is), the user's
// editable copies and exchange rates (kept in the workspace), and one model run under the chosen profiles: costs,
// QALYs, ICERs and net benefit at each country's threshold in its currency, the optimal strategy per country, a
// chart, per-country prices and the headroom price. Applying a profile to a workspace model shows the changes first.


interface ModelChoice {
  key: string;
  title: string;
  document: Record<string, unknown>;
  /** Set for workspace models (profiles can be applied to them). */
  storedId: string | null;
}

const fieldKeys: Record<ProfileFieldId, MessageKey> = {
  guideline: 'field.guideline',
  versionDate: 'field.versionDate',
  discountCosts: 'field.discountCosts',
  discountEffects: 'field.discountEffects',
  perspectiveCosts: 'field.perspectiveCosts',
  perspectiveOutcomes: 'field.perspectiveOutcomes',
  preferredOutcome: 'field.preferredOutcome',
  analysisType: 'field.analysisType',
  thresholds: 'field.thresholds',
  modifiers: 'field.modifiers',
  budgetImpactRequired: 'field.budgetImpactRequired',
  budgetImpactHorizonYears: 'field.budgetImpactHorizonYears',
  budgetImpactPerspective: 'field.budgetImpactPerspective',
  budgetImpactDiscounting: 'field.budgetImpactDiscounting',
  sourceUrl: 'field.sourceUrl',
};

const statusKeys: Record<VerificationStatus, MessageKey> = { verified: 'status.verified', secondary: 'status.secondary', unverified: 'status.unverified' };
const notAppliedKeys: Record<NotAppliedCode, MessageKey> = {
  'not-known': 'apply.notKnown',
  'no-threshold': 'apply.noThreshold',
  'unit-mismatch': 'apply.unitMismatch',
  'no-model-currency': 'apply.noModelCurrency',
  'no-rate': 'apply.noRate',
  'described-only': 'apply.describedOnly',
};
const basisKeys: Record<RateBasis, MessageKey> = { 'market-exchange': 'rates.basisMarket', 'purchasing-power-parity': 'rates.basisPpp' };

function fieldValueText(profile: CountryProfile, id: ProfileFieldId, lang: Language): string {
  const { t, fmt } = lang;
  switch (id) {
    case 'discountCosts':
    case 'discountEffects': {
      const v = profile[id].value;
      return v === null ? '' : discountText(v, t, fmt);
    }
    case 'thresholds': {
      const v = profile.thresholds.value;
      if (v === null) return '';
      return v.length === 0 ? t('profile.noThreshold') : v.map((x) => thresholdText(x, t, fmt)).join('; ');
    }
    case 'modifiers':
      return profile.modifiers.value?.map((m) => m.description).join('; ') ?? '';
    case 'budgetImpactRequired':
      return profile.budgetImpactRequired.value === null ? '' : t(profile.budgetImpactRequired.value ? 'common.yes' : 'common.no');
    case 'budgetImpactHorizonYears':
      return profile.budgetImpactHorizonYears.value === null ? '' : t('common.years', { n: fmt.parameter(profile.budgetImpactHorizonYears.value) });
    default: {
      const v = profile[id].value;
      return typeof v === 'string' ? v : '';
    }
  }
}

export function CountriesScreen() {
  const lang = useLanguage();
  const { t } = lang;
  const workspace = useWorkspace();
  const [stored, setStored] = useState<StoredModel[]>([]);
  useEffect(() => {
    void workspace.models.list().then(setStored);
  }, [workspace]);
  const choices = useMemo<ModelChoice[]>(
    () => [
      ...stored.map((m) => ({ key: `ws:${m.id}`, title: typeof m.document.metadata === 'object' && m.document.metadata && 'title' in m.document.metadata ? String((m.document.metadata as { title: unknown }).title) : m.id, document: m.document as Record<string, unknown>, storedId: m.id })),
      ...exampleModels.map((e) => ({ key: `ex:${e.id}`, title: e.title, document: e.document as Record<string, unknown>, storedId: null })),
    ],
    [stored],
  );
  const [modelKey, setModelKey] = useRetainedState('countries.model', 'ex:liquid-biopsy-nsclc');
  const model = choices.find((c) => c.key === modelKey) ?? choices.find((c) => c.storedId === null) ?? null;

  const { userProfiles, saveUserProfiles, rates, saveRates, selection: storedSelection, saveSelection, problem: storedProblem } = useCountrySettings();
  const [picked, setSelected] = useRetainedState<string[] | null>('countries.selected', null);
  const selected = picked ?? storedSelection ?? DEFAULT_COUNTRY_SELECTION;
  const profiles = useMemo(() => [...shippedCountryProfiles(), ...userProfiles], [userProfiles]);
  const chosen = selected.map((id) => profiles.find((p) => p.id === id)).filter((p): p is CountryProfile => p !== undefined);

  const [priceParameter, setPriceParameter] = useRetainedState('countries.priceParameter', '');
  const [prices, setPrices] = useRetainedState<Record<string, string>>('countries.prices', {});
  const [headroomStrategy, setHeadroomStrategy] = useRetainedState('countries.headroomStrategy', '');
  const [headroomHigh, setHeadroomHigh] = useRetainedState('countries.headroomHigh', '');
  // The inputs and the last comparison survive a change of display language (which re-mounts the screens).
  const [outcome, setOutcome] = useRetainedState<CountryComparisonOutcome | null>('countries.outcome', null);
  const [running, setRunning] = useState(false);
  const [editing, setEditing] = useState<CountryProfile | null>(null);
  const [applying, setApplying] = useState<{ profile: CountryProfile; application: ProfileApplication; before: Record<string, unknown> } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const parameters = useMemo(() => (Array.isArray(model?.document.parameters) ? (model!.document.parameters as { id: string; label?: string; value?: number }[]).filter((p) => typeof p.value === 'number') : []), [model]);
  const strategies = useMemo(() => (Array.isArray(model?.document.strategies) ? (model!.document.strategies as { id: string; label?: string }[]) : []), [model]);

  const toggle = (id: string) => setSelected(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);

  const run = async () => {
    if (!model) return;
    setRunning(true);
    setNotice(null);
    // The report's country comparison uses the countries of the last comparison run.
    void saveSelection(chosen.map((p) => p.id));
    try {
      const requests: CountryRequest[] = chosen.map((profile) => {
        const text = prices[profile.id]?.trim() ?? '';
        const value = Number(text.replace(',', '.'));
        return priceParameter && text !== '' && Number.isFinite(value) ? { profile, prices: { [priceParameter]: value } } : { profile };
      });
      const high = Number(headroomHigh.replace(',', '.'));
      const headroom = priceParameter && headroomStrategy ? { parameter: priceParameter, strategy: headroomStrategy, ...(headroomHigh.trim() !== '' && Number.isFinite(high) && high > 0 ? { low: 0, high } : {}) } : undefined;
      setOutcome(await engineWorker().runCountryComparison(model.document, requests, { rates, headroom }));
    } finally {
      setRunning(false);
    }
  };

  const copyProfile = async (profile: CountryProfile) => {
    let id = `${profile.id}-own`;
    for (let k = 2; profiles.some((p) => p.id === id); k++) id = `${profile.id}-own-${k}`;
    const copy: CountryProfile = { ...structuredClone(profile), id, origin: 'user' };
    await saveUserProfiles([...userProfiles, copy]);
    setSelected([...selected.filter((x) => x !== profile.id), id]);
    setEditing(copy);
  };

  const result = outcome?.ok ? outcome.result : null;
  const chart = useMemo(() => (result ? countryComparisonChart(result, t, lang.fmt) : null), [result, t, lang.fmt]);

  return (
    <AppFrame activeNav="countries" title={<span className="current">{t('countries.title')}</span>}>
      <div className="page countries-page" data-testid="countries-screen">
        <p className="page-intro">{t('countries.intro')}</p>
        {storedProblem && <div className="notice notice-warning" role="alert">{t('countries.storedProblem')}</div>}
        {notice && <div className="notice notice-info" role="status">{notice}</div>}

        <section className="card" aria-labelledby="countries-model-title">
          <div className="card-header"><h2 id="countries-model-title">{t('countries.modelTitle')}</h2></div>
          <div className="card-body">
            <label className="field">
              <span className="field-label">{t('countries.model')}</span>
              <select className="select" value={model?.key ?? ''} onChange={(e) => { setModelKey(e.target.value); setOutcome(null); setPriceParameter(''); setHeadroomStrategy(''); }} data-testid="countries-model">
                {choices.map((c) => (
                  <option key={c.key} value={c.key}>{c.storedId ? c.title : t('countries.exampleModel', { title: c.title })}</option>
                ))}
              </select>
            </label>
          </div>
        </section>

        <section className="card" aria-labelledby="countries-profiles-title">
          <div className="card-header"><h2 id="countries-profiles-title">{t('countries.profilesTitle')}</h2></div>
          <div className="card-body">
            <fieldset className="profile-picker">
              <legend className="field-label">{t('countries.choose')}</legend>
              {profiles.map((p) => (
                <label key={p.id} className="profile-option">
                  <input type="checkbox" checked={selected.includes(p.id)} onChange={() => toggle(p.id)} data-testid={`profile-${p.id}`} />
                  <span>{p.origin === 'user' ? t('profile.ownCopy', { country: countryName(p, lang.locale), agency: p.agency }) : t('profile.name', { country: countryName(p, lang.locale), agency: p.agency })}</span>
                </label>
              ))}
            </fieldset>
          </div>
          {chosen.length > 0 && (
            <div className="card-body flush table-wrap">
              <table className="table profiles-table" data-testid="profiles-table">
                <caption className="table-caption">{t('countries.profilesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('countries.field')}</th>
                    {chosen.map((p) => (
                      <th key={p.id} scope="col">
                        <div>{countryName(p, lang.locale)}</div>
                        <div className="subtle">{p.agency}</div>
                        <div className="btn-group profile-actions">
                          {p.origin === 'shipped' ? (
                            <button type="button" className="btn btn-sm" onClick={() => void copyProfile(p)}>{t('profile.copy')}</button>
                          ) : (
                            <>
                              <button type="button" className="btn btn-sm" onClick={() => setEditing(p)} data-testid={`edit-${p.id}`}>{t('profile.edit')}</button>
                              <button type="button" className="btn btn-sm btn-ghost" onClick={() => { void saveUserProfiles(userProfiles.filter((x) => x.id !== p.id)); setSelected(selected.filter((x) => x !== p.id)); }}>{t('profile.delete')}</button>
                            </>
                          )}
                          {model?.storedId && (
                            <button type="button" className="btn btn-sm" onClick={() => setApplying({ profile: p, application: applyCountryProfile(model.document, p, { rates }), before: model.document })} data-testid={`apply-${p.id}`}>{t('profile.apply')}</button>
                          )}
                        </div>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {profileFieldIds.map((id) => (
                    <tr key={id}>
                      <th scope="row">{t(fieldKeys[id])}</th>
                      {chosen.map((p) => {
                        const f = p[id];
                        const text = fieldValueText(p, id, lang);
                        return (
                          <td key={p.id}>
                            <div className="profile-value">{text === '' ? <span className="subtle">{t('profile.notKnown')}</span> : text}</div>
                            <span className={`badge status-${f.status}`}>{t(statusKeys[f.status])}</span>
                            {f.source && <div className="profile-source">{f.source}</div>}
                            {f.note && <div className="profile-note">{f.note}</div>}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <RatesCard rates={rates} onSave={saveRates} />

        <section className="card" aria-labelledby="countries-run-title">
          <div className="card-header"><h2 id="countries-run-title">{t('countries.runTitle')}</h2></div>
          <div className="card-body section-stack">
            <div className="run-options">
              <label className="field">
                <span className="field-label">{t('countries.priceParameter')}</span>
                <select className="select" value={priceParameter} onChange={(e) => setPriceParameter(e.target.value)} data-testid="price-parameter">
                  <option value="">{t('countries.noPrice')}</option>
                  {parameters.map((p) => <option key={p.id} value={p.id}>{p.label ? `${p.label} (${p.id})` : p.id}</option>)}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t('countries.headroomStrategy')}</span>
                <select className="select" value={headroomStrategy} onChange={(e) => setHeadroomStrategy(e.target.value)} disabled={!priceParameter} data-testid="headroom-strategy">
                  <option value="">{t('countries.noHeadroom')}</option>
                  {strategies.map((s) => <option key={s.id} value={s.id}>{s.label ?? s.id}</option>)}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t('countries.headroomHigh')}</span>
                <input className="input" type="text" inputMode="decimal" value={headroomHigh} onChange={(e) => setHeadroomHigh(e.target.value)} disabled={!headroomStrategy} placeholder={t('countries.headroomHighHint')} />
              </label>
            </div>
            {priceParameter && chosen.length > 0 && (
              <div className="price-inputs">
                {chosen.map((p) => (
                  <label key={p.id} className="field">
                    <span className="field-label">{t('countries.priceFor', { country: countryName(p, lang.locale) })}</span>
                    <input className="input" type="text" inputMode="decimal" value={prices[p.id] ?? ''} onChange={(e) => setPrices({ ...prices, [p.id]: e.target.value })} placeholder={t('countries.priceHint')} data-testid={`price-${p.id}`} />
                  </label>
                ))}
              </div>
            )}
            <div className="btn-group">
              <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={running || !model || chosen.length === 0} data-testid="run-countries">{running ? t('countries.running') : t('countries.run')}</button>
            </div>
            {outcome && !outcome.ok && <div className="notice notice-error" role="alert">{outcome.message}</div>}
          </div>
        </section>

        {result && chart && <ComparisonResults result={result} chartSvg={chart.svg} />}
      </div>
      {editing && (
        <ProfileEditor
          profile={editing}
          onClose={() => setEditing(null)}
          onSave={async (next) => {
            await saveUserProfiles(userProfiles.map((p) => (p.id === next.id ? next : p)));
            setEditing(null);
          }}
        />
      )}
      {applying && model?.storedId && (
        <ApplyDialog
          applying={applying}
          onClose={() => setApplying(null)}
          onApply={async () => {
            await workspace.models.updateDocument(model.storedId!, applying.application.document as StoredModel['document'], { source: 'edit' });
            setApplying(null);
            setStored(await workspace.models.list());
            setNotice(t('apply.done', { country: countryName(applying.profile, lang.locale) }));
          }}
        />
      )}
    </AppFrame>
  );
}

function ComparisonResults({ result, chartSvg }: { result: NonNullable<Extract<CountryComparisonOutcome, { ok: true }>['result']>; chartSvg: string }) {
  const lang = useLanguage();
  const { t, fmt } = lang;
  const effectKey: MessageKey = result.effect === 'qalys' ? 'results.qalys' : 'results.lifeYears';
  return (
    <section className="card" aria-labelledby="countries-results-title" data-testid="countries-results">
      <div className="card-header"><h2 id="countries-results-title">{t('results.title')}</h2><span className="subtle">{t('results.perPatient')}</span></div>
      <div className="card-body flush table-wrap">
        <table className="table" data-testid="countries-summary">
          <caption className="table-caption">{t('results.summaryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.country')}</th>
              <th scope="col">{t('field.discountCosts')}</th>
              <th scope="col">{t('field.discountEffects')}</th>
              <th scope="col">{t('field.thresholds')}</th>
              <th scope="col">{t('results.optimal')}</th>
              <th scope="col">{t('results.headroom')}</th>
            </tr>
          </thead>
          <tbody>
            {result.countries.map((r) => (
              <tr key={r.profileId} data-testid={`summary-${r.profileId}`}>
                <th scope="row">{countryName(r, lang.locale)}<div className="subtle">{r.agency}</div></th>
                <td>{discountText(r.discountCosts.value, t, fmt)}{r.discountCosts.from === 'model' && <div className="subtle">{t('results.modelRate')}</div>}</td>
                <td>{discountText(r.discountEffects.value, t, fmt)}{r.discountEffects.from === 'model' && <div className="subtle">{t('results.modelRate')}</div>}</td>
                <td>{r.thresholds.length === 0 ? '—' : r.thresholds.map((x) => thresholdText(x.threshold, t, fmt, false)).join('; ')}</td>
                <td data-testid={`optimal-${r.profileId}`} data-user-content>{r.optimal ? strategyLabel(result, r.optimal) : '—'}</td>
                <td>{r.thresholds.some((x) => x.headroom) ? r.thresholds.map((x, k) => <div key={k}>{headroomText(x.headroom, r.currency, lang, result)}</div>) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="card-body">
        <figure className="country-chart" data-testid="countries-chart">
          <div dangerouslySetInnerHTML={{ __html: chartSvg }} />
          <figcaption className="subtle">{t('chart.caption', { currency: result.modelCurrency ?? '' })}</figcaption>
        </figure>
      </div>
      {result.countries.map((r) => (
        <div key={r.profileId} className="card-body country-detail" data-testid={`detail-${r.profileId}`}>
          <h3>{t('profile.name', { country: countryName(r, lang.locale), agency: r.agency })}</h3>
          {r.conversion?.rate && <p className="subtle">{t('results.converted', { from: r.conversion.from, to: r.conversion.to, factor: fmt.parameter(r.conversion.factor), basis: t(basisKeys[r.conversion.rate.basis]).toLocaleLowerCase(lang.locale), date: r.conversion.rate.date ?? '—', source: r.conversion.rate.source ?? '—' })}</p>}
          {r.prices.map((p) => <p key={p.parameter} className="subtle">{t('results.price', { parameter: p.parameter, value: fmt.money(p.value, r.currency, 2), model: fmt.money(p.inModelCurrency, result.modelCurrency, 2) })}</p>)}
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('results.strategy')}</th>
                  <th scope="col" className="num">{t('results.cost')}</th>
                  <th scope="col" className="num">{t(effectKey)}</th>
                  <th scope="col" className="num">{t('results.icer')}</th>
                  {r.thresholds.map((x, k) => <th key={k} scope="col" className="num">{t('results.nmbAt', { threshold: fmt.money(x.threshold.value, x.threshold.currency) })}</th>)}
                </tr>
              </thead>
              <tbody>
                {r.strategies.map((s, i) => {
                  const inc = r.incremental.find((x) => x.id === s.id);
                  const icer = inc?.status === 'dominated' ? t('results.dominated') : inc?.status === 'extendedly-dominated' ? t('results.extDominated') : inc?.icer !== null && inc?.icer !== undefined ? fmt.money(inc.icer, r.currency) : '—';
                  return (
                    <tr key={s.id}>
                      <th scope="row">{s.label}{r.optimal === s.id && <span className="badge status-verified optimal-badge">{t('results.optimalBadge')}</span>}</th>
                      <td className="num">{fmt.money(s.cost, r.currency)}</td>
                      <td className="num">{fmt.number(s.effect, 3)}</td>
                      <td className="num">{icer}</td>
                      {r.thresholds.map((x, k) => <td key={k} className="num">{fmt.money(x.netBenefit[i], r.currency)}</td>)}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {r.problems.map((p, k) => <div key={k} className="notice notice-info">{problemText(p, t)}</div>)}
        </div>
      ))}
    </section>
  );
}


function headroomText(h: HeadroomResult | null, currency: string | null, lang: Language, result: { countries: { strategies: { id: string; label: string }[] }[]; strategyIds: string[] }): string {
  const { t, fmt } = lang;
  if (!h) return '—';
  if (h.status === 'found') return t('headroom.found', { price: fmt.money(h.price, currency), other: result.countries[0]?.strategies.find((s) => s.id === h.overtakenBy)?.label ?? h.overtakenBy ?? '' });
  if (h.status === 'above-range') return t('headroom.aboveRange', { price: fmt.money(h.high, currency) });
  return t('headroom.never', { price: fmt.money(h.low, currency) });
}

interface RateRow {
  from: string;
  to: string;
  rate: string;
  basis: RateBasis;
  date: string;
  source: string;
}

function rateRows(table: ExchangeRateTable): RateRow[] {
  return table.rates.map((r) => ({ from: r.from, to: r.to, rate: String(r.rate), basis: r.basis, date: r.date ?? '', source: r.source ?? '' }));
}

function RatesCard({ rates, onSave }: { rates: ExchangeRateTable; onSave: (next: ExchangeRateTable) => Promise<void> }) {
  const { t } = useLanguage();
  const [rows, setRows] = useState<RateRow[]>(() => rateRows(rates));
  const [shown, setShown] = useState(rates);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // Rates read from the workspace after the first render replace the rows (React's "state from props" pattern).
  if (shown !== rates) {
    setShown(rates);
    setRows(rateRows(rates));
  }
  const update = (k: number, patch: Partial<RateRow>) => {
    setSaved(false);
    setRows(rows.map((r, i) => (i === k ? { ...r, ...patch } : r)));
  };
  const save = async () => {
    const candidate = { ...emptyRateTable(), rates: rows.map((r) => ({ from: r.from.trim().toUpperCase(), to: r.to.trim().toUpperCase(), rate: Number(r.rate.replace(',', '.')), basis: r.basis, ...(r.date.trim() ? { date: r.date.trim() } : {}), ...(r.source.trim() ? { source: r.source.trim() } : {}) })) };
    const parsed = exchangeRateTableSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const row = typeof issue.path[1] === 'number' ? issue.path[1] + 1 : 1;
      setError(t('rates.invalid', { row, message: issue.message }));
      return;
    }
    setError(null);
    await onSave(parsed.data);
    setSaved(true);
  };
  return (
    <section className="card" aria-labelledby="countries-rates-title" data-testid="rates-card">
      <div className="card-header"><h2 id="countries-rates-title">{t('rates.title')}</h2></div>
      <div className="card-body section-stack">
        <p className="subtle">{t('rates.intro')}</p>
        {rows.length > 0 && (
          <div className="table-wrap">
            <table className="table rates-table">
              <thead>
                <tr>
                  <th scope="col">{t('rates.from')}</th>
                  <th scope="col">{t('rates.to')}</th>
                  <th scope="col">{t('rates.rate')}</th>
                  <th scope="col">{t('rates.basis')}</th>
                  <th scope="col">{t('rates.date')}</th>
                  <th scope="col">{t('rates.source')}</th>
                  <th scope="col"><span className="visually-hidden">{t('rates.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, k) => (
                  <tr key={k}>
                    <td><input className="input" aria-label={t('rates.fromRow', { row: k + 1 })} value={r.from} onChange={(e) => update(k, { from: e.target.value })} size={4} data-testid={`rate-from-${k}`} /></td>
                    <td><input className="input" aria-label={t('rates.toRow', { row: k + 1 })} value={r.to} onChange={(e) => update(k, { to: e.target.value })} size={4} data-testid={`rate-to-${k}`} /></td>
                    <td><input className="input" aria-label={t('rates.rateRow', { row: k + 1 })} value={r.rate} inputMode="decimal" onChange={(e) => update(k, { rate: e.target.value })} size={8} data-testid={`rate-value-${k}`} /></td>
                    <td>
                      <select className="select" aria-label={t('rates.basisRow', { row: k + 1 })} value={r.basis} onChange={(e) => update(k, { basis: e.target.value as RateBasis })}>
                        {rateBases.map((b) => <option key={b} value={b}>{t(basisKeys[b])}</option>)}
                      </select>
                    </td>
                    <td><input className="input" aria-label={t('rates.dateRow', { row: k + 1 })} value={r.date} onChange={(e) => update(k, { date: e.target.value })} size={10} /></td>
                    <td><input className="input" aria-label={t('rates.sourceRow', { row: k + 1 })} value={r.source} onChange={(e) => update(k, { source: e.target.value })} data-testid={`rate-source-${k}`} /></td>
                    <td className="actions"><button type="button" className="btn btn-sm btn-ghost" onClick={() => { setSaved(false); setRows(rows.filter((_, i) => i !== k)); }}>{t('rates.remove')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {error && <div className="notice notice-error" role="alert">{error}</div>}
        <div className="btn-group">
          <button type="button" className="btn" onClick={() => { setSaved(false); setRows([...rows, { from: 'GBP', to: 'EUR', rate: '', basis: 'market-exchange', date: '', source: '' }]); }} data-testid="add-rate">{t('rates.add')}</button>
          <button type="button" className="btn btn-primary" onClick={() => void save()} data-testid="save-rates">{t('rates.save')}</button>
          {saved && <span className="subtle" role="status">{t('rates.saved')}</span>}
        </div>
      </div>
    </section>
  );
}

function ProfileEditor({ profile, onClose, onSave }: { profile: CountryProfile; onClose: () => void; onSave: (next: CountryProfile) => Promise<void> }) {
  const { t, locale } = useLanguage();
  const first = profile.thresholds.value?.[0];
  const pct = (v: CountryProfile['discountCosts']['value']) => (typeof v === 'number' ? String(Math.round(v * 10000) / 100) : '');
  const [threshold, setThreshold] = useState(first ? String(first.value) : '');
  const [currency, setCurrency] = useState(first?.currency ?? 'EUR');
  const [costs, setCosts] = useState(pct(profile.discountCosts.value));
  const [effects, setEffects] = useState(pct(profile.discountEffects.value));
  const [error, setError] = useState<string | null>(null);
  const stepped = Array.isArray(profile.discountCosts.value) || Array.isArray(profile.discountEffects.value);
  const save = async () => {
    const num = (s: string) => Number(s.trim().replace(',', '.'));
    const next: CountryProfile = structuredClone(profile);
    const userField = (note: string) => ({ status: 'unverified' as const, source: t('editor.userSource'), note });
    if (threshold.trim() !== '') {
      const value = num(threshold);
      next.thresholds = { value: [{ value, currency: currency.trim().toUpperCase(), per: 'QALY', label: t('editor.analysisThreshold') }], ...userField(t('editor.userNote')) };
    } else if (first && profile.thresholds.status !== 'unverified') {
      next.thresholds = profile.thresholds;
    }
    if (!Array.isArray(profile.discountCosts.value) && costs.trim() !== '' && num(costs) / 100 !== profile.discountCosts.value) next.discountCosts = { value: num(costs) / 100, ...userField(t('editor.userNote')) };
    if (!Array.isArray(profile.discountEffects.value) && effects.trim() !== '' && num(effects) / 100 !== profile.discountEffects.value) next.discountEffects = { value: num(effects) / 100, ...userField(t('editor.userNote')) };
    const parsed = countryProfileSchema.safeParse(next);
    if (!parsed.success) {
      setError(`${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
      return;
    }
    await onSave(parsed.data);
  };
  return (
    <Dialog
      open
      title={t('editor.title', { country: countryName(profile, locale) })}
      onClose={onClose}
      testId="profile-editor"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="btn btn-primary" onClick={() => void save()} data-testid="save-profile">{t('common.save')}</button>
        </>
      }
    >
      <div className="section-stack">
        <p className="subtle">{t('editor.intro')}</p>
        <div className="editor-row">
          <label className="field"><span className="field-label">{t('editor.threshold')}</span><input className="input" value={threshold} inputMode="decimal" onChange={(e) => setThreshold(e.target.value)} data-testid="edit-threshold" /></label>
          <label className="field"><span className="field-label">{t('editor.currency')}</span><input className="input" value={currency} onChange={(e) => setCurrency(e.target.value)} size={4} data-testid="edit-currency" /></label>
        </div>
        {stepped ? (
          <p className="subtle">{t('editor.stepped')}</p>
        ) : (
          <div className="editor-row">
            <label className="field"><span className="field-label">{t('editor.discountCosts')}</span><input className="input" value={costs} inputMode="decimal" onChange={(e) => setCosts(e.target.value)} /></label>
            <label className="field"><span className="field-label">{t('editor.discountEffects')}</span><input className="input" value={effects} inputMode="decimal" onChange={(e) => setEffects(e.target.value)} /></label>
          </div>
        )}
        {error && <div className="notice notice-error" role="alert">{error}</div>}
      </div>
    </Dialog>
  );
}

function ApplyDialog({ applying, onClose, onApply }: { applying: { profile: CountryProfile; application: ProfileApplication; before: Record<string, unknown> }; onClose: () => void; onApply: () => Promise<void> }) {
  const lang = useLanguage();
  const { t, fmt } = lang;
  const { profile, application } = applying;
  const describe = (path: string, value: unknown): string => {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'number') return path.includes('discount') ? fmt.percent(value) : fmt.money(value, null);
    if (Array.isArray(value)) return value.every((v) => typeof v === 'number') ? value.map((v) => fmt.money(v as number, null)).join(', ') : discountText(value as { fromYear: number; rate: number }[], t, fmt);
    return String(value);
  };
  const label = (path: string): string => {
    if (path.startsWith('settings.discount.costsSchedule')) return t('apply.costsSchedule');
    if (path.startsWith('settings.discount.effectsSchedule')) return t('apply.effectsSchedule');
    if (path.startsWith('settings.discount.costs')) return t('field.discountCosts');
    if (path.startsWith('settings.discount.effects')) return t('field.discountEffects');
    if (path.startsWith('settings.wtp')) return t('apply.wtp');
    return path;
  };
  // Whole schedules and threshold lists read better than their single items.
  const rows = new Map<string, { before: unknown; after: unknown }>();
  for (const c of application.changes) {
    const root = c.path.replace(/\[.*$/, '').replace(/\.\d+(\..*)?$/, '');
    if (rows.has(root)) continue;
    const read = (doc: Record<string, unknown>) => root.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), doc);
    rows.set(root, { before: read(applying.before), after: read(application.document) });
  }
  return (
    <Dialog
      open
      wide
      title={t('apply.title', { country: countryName(profile, lang.locale) })}
      onClose={onClose}
      testId="apply-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="btn btn-primary" onClick={() => void onApply()} disabled={application.changes.length === 0} data-testid="confirm-apply">{t('apply.confirm')}</button>
        </>
      }
    >
      <div className="section-stack">
        {application.changes.length === 0 ? (
          <p>{t('apply.nothing')}</p>
        ) : (
          <table className="table" data-testid="apply-changes">
            <caption className="table-caption">{t('apply.caption')}</caption>
            <thead><tr><th scope="col">{t('apply.setting')}</th><th scope="col">{t('apply.before')}</th><th scope="col">{t('apply.after')}</th></tr></thead>
            <tbody>
              {[...rows.entries()].map(([path, r]) => (
                <tr key={path}><th scope="row">{label(path)}</th><td>{describe(path, r.before)}</td><td>{describe(path, r.after)}</td></tr>
              ))}
            </tbody>
          </table>
        )}
        {application.thresholdConversion?.rate && <p className="subtle">{t('apply.converted', { from: application.thresholdConversion.from, to: application.thresholdConversion.to, factor: fmt.parameter(application.thresholdConversion.factor) })}</p>}
        {application.notApplied.length > 0 && (
          <>
            <h3>{t('apply.notAppliedTitle')}</h3>
            <ul className="plain-list">
              {application.notApplied.map((n) => <li key={n.field}><strong>{t(fieldKeys[n.field])}</strong>: {t(notAppliedKeys[n.code])}</li>)}
            </ul>
          </>
        )}
      </div>
    </Dialog>
  );
}
