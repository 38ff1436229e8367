import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import type { AnalysisProblem } from '../../engine/analysis/problems';
import type { EvppiRequest } from '../../engine/analysis/sensitivity-runs';
import type { PsaRunResults } from '../../engine/analysis/run-payloads';
import type { HtaModel } from '../../engine/model/schema';
import type { EvppiResult } from '../../engine/uncertainty/evppi';
import { effectivePopulation } from '../../engine/uncertainty/psa-summary';
import { editableNumber, effectUnit, formatCount, formatIcer, formatMoney, formatMoneyAxis, formatNumber } from '../settings/display-format';
import { HorizontalBarChart } from '../charts/bar-chart';
import { dedicatedEngineWorker, engineWorker } from '../workers/engine-client';
import { NumberField, ProblemsNotice } from './analysis-parts';
import { RunStatus } from './run-status';
import './analyses.css';
import type { RunContext } from './run-status';
import { errorMessage, useStoredRun } from './use-stored-run';
import { parseWhole, parseWtp } from './uncertainty-panel';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../../report/i18n/translate';

// Value of information from the latest stored PSA: EVPI per person and for the population the decision affects
// (people per year and years from the budget-impact funnel when the model has one), and EVPPI of each sampled
// parameter and of groups the user makes, by regression (Strong, Oakley & Brennan 2014), as sorted bars with their
// standard errors. EVPPI runs in an engine worker of its own, a few groups at a time (progress; Cancel ends it).

const GROUPS_PER_CALL = 4;

interface EvppiRunInputs extends EvppiRequest {
  psaRunId: string;
}

export function sortedBars(results: readonly EvppiResult[], name: (id: string) => string) {
  return [...results].sort((a, b) => b.evppi - a.evppi).map((r) => ({ ...r, label: r.parameters.map(name).join(' + ') }));
}

export function VoiSection({ ctx, model }: { ctx: RunContext; model: HtaModel }) {
  const { t } = useLanguage();
  const formId = useId();
  const currency = model.settings.currency;
  const money = (v: number) => formatMoney(v, currency);
  const nameOf = (id: string) => model.parameters.find((p) => p.id === id)?.label ?? id;
  const psaRun = useLiveQuery(() => ctx.store.latestRun(ctx.modelId, 'psa'), [ctx.store, ctx.modelId]);
  const [psa, setPsa] = useState<PsaRunResults | null>(null);
  useEffect(() => {
    let live = true;
    if (!psaRun) return;
    void ctx.store.getRunResults(psaRun.id).then((r) => live && setPsa((r as PsaRunResults | undefined) ?? null));
    return () => {
      live = false;
    };
  }, [ctx.store, psaRun]);
  const { stored, setStored } = useStoredRun<EvppiResult[]>(ctx, 'evppi');

  const [wtpText, setWtpText] = useState(String(model.settings.wtp[0] ?? 0));
  const [seDrawsText, setSeDrawsText] = useState('100');
  const [groups, setGroups] = useState<string[][]>([]);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<{ done: number; total: number } | null>(null);
  const [problems, setProblems] = useState<AnalysisProblem[]>([]);
  const cancel = useRef<(() => void) | null>(null);
  const wtp = parseWtp(wtpText, t);
  const seDraws = parseWhole(seDrawsText, 0, 1000, t('uncertainty.seDraws'), t);
  const parameters = psa?.parameterNames ?? [];
  const error = !psa ? t('uncertainty.evppiNeedsPsa') : psa.strategyIds.length < 2 ? t('uncertainty.evppiNeedsTwo') : !wtp.ok ? wtp.error : !seDraws.ok ? seDraws.error : null;

  const run = async () => {
    if (!psa || !psaRun || !wtp.ok || !seDraws.ok) return;
    const all = [...parameters.map((p) => [p]), ...groups];
    const inputs: EvppiRunInputs = { psaRunId: psaRun.id, groups: all, wtp: wtp.value, seDraws: seDraws.value, seed: psa.seed };
    const worker = dedicatedEngineWorker();
    let cancelled = false;
    cancel.current = () => {
      cancelled = true;
      worker.terminate();
      setStatus(null);
    };
    setProblems([]);
    setStatus({ done: 0, total: all.length });
    const startedAt = new Date().toISOString();
    const t0 = performance.now();
    const results: EvppiResult[] = [];
    try {
      for (let k = 0; k < all.length; k += GROUPS_PER_CALL) {
        const out = await worker.remote.runEvppi(psa, { ...inputs, groups: all.slice(k, k + GROUPS_PER_CALL) });
        if (cancelled) return;
        if (!out.ok) {
          setProblems(out.problems);
          return;
        }
        results.push(...out.result);
        setStatus({ done: results.length, total: all.length });
      }
      const record = await ctx.store.addRun({
        modelId: ctx.modelId,
        kind: 'evppi',
        label: t('uncertainty.evppiRunLabel', { n: formatCount(all.length), wtp: money(inputs.wtp), unit: effectUnit(model.settings.effect, t), draws: formatCount(psa.draws) }),
        modelHash: psaRun.modelHash,
        startedAt,
        durationMs: performance.now() - t0,
        status: 'complete',
        seed: inputs.seed,
        inputs: { ...inputs, groups: inputs.groups.map((g) => [...g]) },
        results,
      });
      setStored({ run: record, results });
    } catch (e) {
      if (!cancelled) setProblems([{ path: '', message: errorMessage(e) }]);
    } finally {
      if (!cancelled) {
        worker.terminate();
        setStatus(null);
      }
      cancel.current = null;
    }
  };

  const addGroup = () => {
    if (ticked.size < 2) return;
    setGroups((g) => [...g, parameters.filter((p) => ticked.has(p))]);
    setTicked(new Set());
  };
  const running = status !== null;
  const result = stored?.results ?? null;
  return (
    <section className="card" aria-labelledby={`${formId}-title`} data-testid="voi-section">
      <div className="card-header">
        <h2 id={`${formId}-title`}>{t('uncertainty.voiTitle')}</h2>
        <span className="subtle">{psa ? t('uncertainty.voiFromPsaDraws', { n: formatCount(psa.draws), seed: psa.seed }) : t('uncertainty.voiFromPsa')}</span>
      </div>
      <PopulationEvpi ctx={ctx} model={model} psa={psa} wtp={wtp.ok ? wtp.value : null} />
      <form className="toolbar" aria-label={t('uncertainty.evppiSettings')} onSubmit={(e) => { e.preventDefault(); if (error === null) void run(); }}>
        <NumberField id={`${formId}-wtp`} label={t('uncertainty.thresholdField', { currency: currency ?? t('uncertainty.perUnit'), unit: effectUnit(model.settings.effect, t) })} value={wtpText} onChange={setWtpText} invalid={!wtp.ok} testId="voi-wtp" />
        <NumberField id={`${formId}-se`} label={t('uncertainty.seDraws')} value={seDrawsText} onChange={setSeDrawsText} invalid={!seDraws.ok} testId="voi-se-draws" short />
        {running ? (
          <button key="cancel" type="button" className="btn" onClick={() => cancel.current?.()} data-testid="cancel-evppi">{t('common.cancel')}</button>
        ) : (
          <button key="run" type="submit" className="btn btn-primary" disabled={error !== null} data-testid="run-evppi">{t('uncertainty.runEvppi')}</button>
        )}
        <span className={error && psa ? 'field-error toolbar-message' : 'subtle toolbar-message'} role={error && psa ? 'alert' : undefined}>
          {error ?? (groups.length === 0 ? t('uncertainty.evppiEach', { n: parameters.length }) : t(groups.length === 1 ? 'uncertainty.evppiEachGroup' : 'uncertainty.evppiEachGroups', { n: parameters.length, groups: groups.length }))}
        </span>
      </form>
      {psa && parameters.length > 1 && (
        <details className="voi-groups" data-testid="voi-groups">
          <summary>{t('uncertainty.groups', { n: groups.length })}</summary>
          <div className="voi-groups-body">
            {groups.length > 0 && (
              <ul className="plain-list voi-group-list">
                {groups.map((g, i) => (
                  <li key={i}>
                    {g.map(nameOf).join(' + ')}{' '}
                    <button type="button" className="btn btn-sm btn-ghost" onClick={() => setGroups((all) => all.filter((_, k) => k !== i))} aria-label={t('uncertainty.removeGroup', { group: g.map(nameOf).join(' + ') })}>{t('rates.remove')}</button>
                  </li>
                ))}
              </ul>
            )}
            <fieldset className="fieldset voi-pick">
              <legend className="field-label">{t('uncertainty.tickParameters')}</legend>
              <div className="voi-pick-list">
                {parameters.map((p) => (
                  <label key={p} className="checkbox">
                    <input type="checkbox" checked={ticked.has(p)} onChange={(e) => setTicked((was) => { const n = new Set(was); if (e.target.checked) n.add(p); else n.delete(p); return n; })} data-testid={`voi-tick-${p}`} />
                    {nameOf(p)}
                  </label>
                ))}
              </div>
              <button type="button" className="btn btn-sm" disabled={ticked.size < 2} onClick={addGroup} data-testid="voi-add-group">{t('uncertainty.addGroup', { n: ticked.size })}</button>
            </fieldset>
          </div>
        </details>
      )}
      <div className="card-body">
        {status && (
          <div className="psa-progress" data-testid="evppi-progress">
            <div className="psa-progress-track" role="progressbar" aria-label={t('uncertainty.evppiProgress')} aria-valuemin={0} aria-valuemax={status.total} aria-valuenow={status.done} aria-valuetext={t('uncertainty.evppiDone', { done: status.done, total: status.total })}>
              <span className="psa-progress-fill" style={{ width: `${status.total ? (100 * status.done) / status.total : 0}%` }} />
            </div>
            <span className="subtle" aria-live="polite">{t('uncertainty.evppiDone', { done: status.done, total: status.total })}</span>
          </div>
        )}
        <ProblemsNotice title={t('uncertainty.evppiFailed')} problems={problems} testId="evppi-error" />
        {stored && result && result.length > 0 ? (
          <div className="section-stack">
            <RunStatus run={stored.run} hash={ctx.hash} testId="evppi-run-status" />
            <EvppiChart model={model} results={result} />
            <p className="subtle method-note" data-testid="evppi-method"><strong>{t('uncertainty.method')}</strong> {t('uncertainty.evppiMethod')}</p>
          </div>
        ) : (
          problems.length === 0 && !status && <p className="empty">{psa ? t('uncertainty.evppiEmpty') : t('uncertainty.evppiEmptyNoPsa')}</p>
        )}
      </div>
    </section>
  );
}

export function EvppiChart({ model, results }: { model: HtaModel; results: EvppiResult[] }) {
  const { t } = useLanguage();
  const currency = model.settings.currency;
  return (
    <EvppiBars
      testId="chart-evppi"
      title={t('uncertainty.evppiTitle', { wtp: formatIcer(results[0]?.wtp ?? 0, currency, model.settings.effect) })}
      results={results}
      nameOf={(id) => model.parameters.find((p) => p.id === id)?.label ?? id}
      currency={currency}
      wording={MODEL_EVPPI_WORDING}
      labelWidth={280}
    />
  );
}

/** The texts of an EVPPI chart: the model's ("per patient", parameters and groups) or an imported file's ("per person"). */
export interface EvppiWording {
  description: MessageKey;
  descriptionNoWhiskers: MessageKey;
  tableOnly: MessageKey;
  allZero: MessageKey;
  summary: MessageKey;
  series: MessageKey;
  axis: MessageKey;
  category: MessageKey;
}

const MODEL_EVPPI_WORDING: EvppiWording = {
  description: 'uncertainty.evppiDescription',
  descriptionNoWhiskers: 'uncertainty.evppiDescriptionNoWhiskers',
  tableOnly: 'uncertainty.evppiDescriptionTableOnly',
  allZero: 'uncertainty.evppiAllZero',
  summary: 'uncertainty.evppiSummary',
  series: 'uncertainty.evppiPerPatient',
  axis: 'uncertainty.evppiAxis',
  category: 'uncertainty.parameterOrGroup',
};

/** EVPPI bars, largest first, with ±1 SE whiskers; all zero: no drawing, a note and the table (the model's VOI section and imported draws). */
export function EvppiBars({ testId, title, results, nameOf, currency, wording, labelWidth }: { testId: string; title: string; results: readonly EvppiResult[]; nameOf: (id: string) => string; currency: string | undefined; wording: EvppiWording; labelWidth: number }) {
  const { t } = useLanguage();
  const money = (v: number) => formatMoney(v, currency, Math.abs(v) < 100 ? 2 : 0);
  const bars = sortedBars(results, nameOf);
  const evpi = results[0]?.evpi ?? 0;
  const allZero = bars.every((b) => b.evppi === 0);
  const additive = bars.some((b) => b.method === 'additive-p-spline');
  // Only what is drawn is described: no bars when all are zero, no whiskers without a standard error.
  const whiskers = bars.some((b) => b.se !== null && b.se > 0);
  const description = allZero ? t(wording.tableOnly) : t(whiskers ? wording.description : wording.descriptionNoWhiskers, { evpi: money(evpi) });
  return (
    <HorizontalBarChart
      testId={testId}
      title={title}
      description={description}
      summary={t(wording.summary, { values: bars.slice(0, 5).map((b) => `${b.label} ${money(b.evppi)}`).join('; ') })}
      rows={bars.map((b) => ({ label: b.label, values: { evppi: b.evppi }, intervals: { evppi: b.se !== null ? [Math.max(0, b.evppi - b.se), b.evppi + b.se] : null } }))}
      series={[{ key: 'evppi', label: t(wording.series) }]}
      categoryLabel={t(wording.category)}
      valueLabel={t(wording.axis, { currency: currency ?? t('analysis.currency') })}
      formatValue={money}
      formatTick={formatMoneyAxis(Math.max(0, ...bars.map((b) => b.evppi + (b.se ?? 0))), currency)}
      intervalLabel={t('uncertainty.oneSe')}
      labelWidth={labelWidth}
      drawn={!allZero}
      note={allZero || additive ? <EvppiNotes allZero={allZero} additive={additive} allZeroKey={wording.allZero} evpi={money(evpi)} /> : undefined}
    />
  );
}

/** Why the bars are empty (all zero: a chart of nothing explained) and what an additive fit leaves out. */
function EvppiNotes({ allZero, additive, allZeroKey, evpi }: { allZero: boolean; additive: boolean; allZeroKey: MessageKey; evpi: string }) {
  const { t } = useLanguage();
  return (
    <>
      {allZero && <span data-testid="evppi-all-zero">{t(allZeroKey, { evpi })}</span>}
      {allZero && additive && ' '}
      {additive && t('uncertainty.additiveNote')}
    </>
  );
}

/** EVPI per person at the threshold (from the PSA) and for the population: people per year × discounted years. */
function PopulationEvpi({ ctx, model, psa, wtp }: { ctx: RunContext; model: HtaModel; psa: PsaRunResults | null; wtp: number | null }) {
  const { t } = useLanguage();
  const formId = useId();
  const currency = model.settings.currency;
  const [defaults, setDefaults] = useState<{ perYear: number; years: number; label: string | null } | null>(null);
  const [perYearText, setPerYearText] = useState<string | null>(null);
  const [yearsText, setYearsText] = useState<string | null>(null);
  const [rateText, setRateText] = useState(editableNumber(model.settings.discount.costs));
  const [evpi, setEvpi] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    if (!ctx.model?.budgetImpact) return;
    void engineWorker().runBudget(ctx.model).then((out) => {
      if (!live || !out.ok) return;
      const entering = out.report.population.entering;
      setDefaults({ perYear: Math.round(entering[0] ?? 0), years: out.report.horizonYears, label: out.report.label ?? null });
    });
    return () => {
      live = false;
    };
    // Defaults are read once the model is checked; later edits keep what the user typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ctx.model === null]);
  useEffect(() => {
    let live = true;
    if (!psa || wtp === null || psa.strategyIds.length < 2) return;
    void engineWorker()
      .summarisePsa({ strategyIds: psa.strategyIds, strategyLabels: psa.strategyLabels, draws: psa.draws, seed: psa.seed, costs: psa.costs, effects: psa.effects }, { wtpGrid: [wtp], comparator: psa.strategyIds[0]!, maxPoints: 0 })
      .then((v) => live && setEvpi(v.evpi[0]?.evpi ?? null))
      .catch(() => live && setEvpi(null));
    return () => {
      live = false;
    };
  }, [psa, wtp]);
  const perYear = parseWhole(perYearText ?? String(defaults?.perYear ?? ''), 0, 1e9, t('uncertainty.peoplePerYear'), t);
  const years = parseWhole(yearsText ?? String(defaults?.years ?? 5), 1, 100, t('analysis.yearsAxis'), t);
  const rate = parseWtp(rateText);
  const people = perYear.ok && years.ok && rate.ok && rate.value < 1 ? effectivePopulation({ populationPerYear: perYear.value, years: years.value, discountRate: rate.value }) : null;
  const inputError = !perYear.ok ? perYear.error : !years.ok ? years.error : !rate.ok || rate.value >= 1 ? t('uncertainty.rateShare', { example: editableNumber(0.03) }) : null;
  return (
    <div className="voi-population" data-testid="voi-population">
      <form className="toolbar toolbar-plain" aria-label={t('uncertainty.populationSettings')} onSubmit={(e) => e.preventDefault()}>
        <NumberField id={`${formId}-people`} label={t('uncertainty.peoplePerYear')} value={perYearText ?? String(defaults?.perYear ?? '')} onChange={setPerYearText} invalid={!perYear.ok} testId="voi-people" />
        <NumberField id={`${formId}-years`} label={t('analysis.yearsAxis')} value={yearsText ?? String(defaults?.years ?? 5)} onChange={setYearsText} invalid={!years.ok} testId="voi-years" short />
        <NumberField id={`${formId}-rate`} label={t('uncertainty.discountRate')} value={rateText} onChange={setRateText} invalid={!rate.ok} testId="voi-rate" short />
        <span className={inputError ? 'field-error toolbar-message' : 'subtle toolbar-message'} role={inputError ? 'alert' : undefined}>
          {inputError ?? (defaults ? t('uncertainty.defaultsFrom', { label: defaults.label ?? t('run.kind.budget-impact'), years: defaults.years }) : t('uncertainty.typePeople'))}
        </span>
      </form>
      <dl className="voi-figures">
        <div><dt>{wtp !== null ? t('uncertainty.evpiPerPatientAt', { wtp: formatIcer(wtp, currency, model.settings.effect) }) : t('uncertainty.evpiPerPatient')}</dt><dd data-testid="voi-evpi-person">{evpi === null ? '—' : formatMoney(evpi, currency, 2)}</dd></div>
        <div><dt>{t('uncertainty.peopleAffected')}</dt><dd data-testid="voi-people-effective">{people === null ? '—' : formatNumber(people, 0)}</dd></div>
        <div><dt>{t('uncertainty.populationEvpi')}</dt><dd data-testid="voi-evpi-population">{evpi === null || people === null ? '—' : formatMoney(evpi * people, currency)}</dd></div>
      </dl>
    </div>
  );
}
