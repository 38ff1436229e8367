import { useLiveQuery } from 'dexie-react-hooks';
import { ignoredColumnsSentence } from '../../report/psa-ignored-columns';
import { useEffect, useId, useRef, useState } from 'react';
import { AppFrame } from '../layout/app-frame';
import { usePlatform } from '../platform/platform-context';
import { useRetainedState } from '../ui/retained-state';
import { SelectField, TextField } from '../ui/fields';
import { UploadIcon } from '../ui/icons';
import { useToasts } from '../ui/toasts';
import { routeHash } from '../app/routes';
import { useWorkspace } from '../dossiers/workspace-context';
import { PsaCharts } from '../results/psa-charts';
import { EvppiBars } from '../results/voi-section';
import type { EvppiWording } from '../results/voi-section';
import { statusBadgeText } from '../results/base-case-panel';
import { useLanguage } from '../i18n/language';
import { describeFileProblem } from '../../report/file-problems';
import type { Translate } from '../../report/i18n/translate';
import { dedicatedEngineWorker, engineWorker } from '../workers/engine-client';
import type { ImportedDrawsSummary } from '../workers/psa-import-api';
import type { ExternalPsaDraws } from '../../engine/psa/external-draws';
import type { EvppiResult } from '../../engine/uncertainty/evppi';
import type { PsaImportSettings, StoredPsaImport } from '../../dossier/psa-imports';
import { displayFormats, formatCount, formatMoney, formatMoneyAxis, formatNumber } from '../settings/display-format';
import { errorText } from '../db/errors';

// "Analyse PSA results…": per-draw costs and effects made by another model (BCEA / dampack exports, a company's
// spreadsheet as CSV or .xlsx), read in the engine worker with the reader of `hta voi`, shown with the model screens'
// PSA charts (means, incremental analysis, CE plane, CEAC with CEAF, EVPI) and, when the file has parameter columns,
// EVPPI per parameter by the engine function `hta voi` uses (a worker of its own: progress and Cancel). The results
// can be stored with a dossier and reopened from it (`#/psa-results/<id>`) with the same figures.

const drawsFileTypes = (t: Translate) => [{ name: t('psa.fileType'), extensions: ['csv', 'txt', 'xlsx', 'xlsm'] }];
const maxDrawsBytes = 50 * 1024 * 1024;
const MAX_PLANE_POINTS = 2000;
const drawsColumns = 'cost_<strategy>, eff_<strategy>; c_<strategy>, e_<strategy>; c1…cN, e1…eN; strategy, draw, cost, effect';
const PARAMETERS_PER_CALL = 4;
const EVPPI_SE_DRAWS = 200;

/** The draws on screen: from a file just read, or stored with a dossier. */
interface Loaded {
  fileName: string;
  fileSha256: string;
  /** Worksheet read from a workbook, else null. */
  sheet: string | null;
  draws: ExternalPsaDraws;
  /** The stored import when reopened from a dossier. */
  stored: StoredPsaImport | null;
}

function parsePositive(text: string, example: string, t: Translate): number | string {
  const x = Number(text.replace(/[\s,]/g, ''));
  return text.trim() !== '' && Number.isFinite(x) && x > 0 ? x : t('psa.positive', { example });
}

function drawsOfStored(item: StoredPsaImport): ExternalPsaDraws {
  return {
    layout: item.layout,
    strategyIds: item.strategyIds,
    draws: item.draws,
    costs: item.costs,
    effects: item.effects,
    parameterDraws: { names: item.parameterNames, values: item.parameterValues },
    ignoredColumns: item.ignoredColumns,
  };
}

function namesOf(text: string): string[] | undefined {
  return text.trim() === '' ? undefined : text.split(',').map((s) => s.trim());
}

export function PsaResultsScreen({ importId }: { importId?: string }) {
  const { t, fmt } = useLanguage();
  const platform = usePlatform();
  const workspace = useWorkspace();
  // Kept across the re-mount a display-language change causes (per opened import, or the fresh screen).
  const retained = `psaResults.${importId ?? 'new'}`;
  const [names, setNames] = useRetainedState(`${retained}.names`, '');
  const [maxWtpText, setMaxWtpText] = useRetainedState(`${retained}.maxWtp`, '50000');
  const [evppiWtpText, setEvppiWtpText] = useRetainedState(`${retained}.evppiWtp`, '25000');
  const [currency, setCurrency] = useRetainedState(`${retained}.currency`, '');
  const [file, setFile] = useRetainedState<{ name: string; bytes: Uint8Array; seq: number } | null>(`${retained}.file`, null);
  const [loaded, setLoaded] = useRetainedState<Loaded | null>(`${retained}.loaded`, null);
  const [error, setError] = useRetainedState<string | null>(`${retained}.error`, null);
  /** The worksheet chosen ('' = the first) and every worksheet of the workbook read ([] for CSV). */
  const [sheet, setSheet] = useRetainedState(`${retained}.sheet`, '');
  const [sheets, setSheets] = useRetainedState<string[]>(`${retained}.sheets`, []);
  /** The file and names the last finished read was for: reading while they differ from the current ones. */
  const [readKey, setReadKey] = useRetainedState(`${retained}.readKey`, '');
  // The column names a file must have are the file format's, the same in every language.
  const [introBefore, introAfter] = t('psa.intro').split('{columns}');
  const maxWtp = parsePositive(maxWtpText, '50000', t);
  const evppiWtp = parsePositive(evppiWtpText, '25000', t);

  // Reopened from a dossier: the stored draws and the settings they were stored with.
  useEffect(() => {
    if (!importId) return;
    let live = true;
    void workspace.psaImports.get(importId).then(
      (item) => {
        if (!live) return;
        if (!item) return setError(t('psa.gone'));
        setNames(item.settings.strategyNames);
        setMaxWtpText(String(item.settings.maxWtp));
        if (item.settings.evppiWtp !== null) setEvppiWtpText(String(item.settings.evppiWtp));
        setCurrency(item.settings.currency);
        setLoaded({ fileName: item.fileName, fileSha256: item.fileSha256, sheet: item.sheet, draws: drawsOfStored(item), stored: item });
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
    // t: the message is set once, in the language of the moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspace, importId]);

  // A chosen file is read (and read again when the c1…cN names change) in the engine worker.
  const strategyNames = namesOf(names);
  const namesKey = strategyNames?.join('\u0000') ?? '';
  const currentKey = file ? `${file.seq}|${namesKey}|${sheet}` : '';
  const reading = currentKey !== '' && readKey !== currentKey;
  // Drawn anew after a language change with this file already read: the first run has nothing to read again.
  const readBeforeMount = useRef<string | null>(readKey);
  useEffect(() => {
    if (!file) return;
    const key = `${file.seq}|${namesKey}|${sheet}`;
    const alreadyRead = readBeforeMount.current === key;
    readBeforeMount.current = null;
    if (alreadyRead) return;
    let live = true;
    void engineWorker()
      .readImportedDraws({ name: file.name, bytes: file.bytes, strategyNames: namesKey === '' ? undefined : namesKey.split('\u0000'), sheet: sheet === '' ? undefined : sheet })
      .then(
        (out) => {
          if (!live) return;
          setSheets(out.sheets);
          if (out.ok) {
            setError(null);
            setLoaded({ fileName: file.name, fileSha256: out.sha256, sheet: out.sheet, draws: out.draws, stored: null });
          } else {
            setLoaded(null);
            const problem = describeFileProblem({ message: out.problem, detail: out.detail }, t, fmt);
            setError(out.sheet === null ? t('fileProblem.inFile', { file: out.file, problem }) : t('fileProblem.inFileSheet', { file: out.file, sheet: out.sheet, problem }));
          }
        },
        (e: unknown) => live && setError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => live && setReadKey(key));
    return () => {
      live = false;
    };
    // t, fmt: the message is set once, in the language of the moment (the screen is drawn anew on a language change).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, namesKey, sheet, setError, setLoaded, setReadKey, setSheets]);

  const choose = async () => {
    const opened = await platform.openBinaryFile({ fileTypes: drawsFileTypes(t), maxBytes: maxDrawsBytes });
    if (!opened.opened) {
      if (opened.reason !== 'canceled') setError(opened.message ?? t('psa.unreadable', { reason: opened.reason }));
      return;
    }
    setError(null);
    setLoaded(null);
    setSheet('');
    setSheets([]);
    setFile((f) => ({ name: opened.name, bytes: opened.bytes, seq: (f?.seq ?? 0) + 1 }));
  };

  const settings: PsaImportSettings | null =
    typeof maxWtp === 'number' ? { maxWtp, evppiWtp: loaded && loaded.draws.parameterDraws.names.length > 0 && typeof evppiWtp === 'number' ? evppiWtp : null, currency: currency.trim(), strategyNames: names.trim() } : null;

  return (
    <AppFrame activeNav="models" title={<span className="current">{t('psa.title')}</span>}>
      <div className="page" data-testid="psa-results-screen">
        <div className="page-header">
          <div className="page-title">
            <h1>{t('psa.title')}</h1>
            <p>{introBefore}<code data-user-content>{drawsColumns}</code>{introAfter}</p>
          </div>
          <button type="button" className="btn btn-primary" onClick={() => void choose()} data-testid="choose-draws-file">
            <UploadIcon />
            {t('psa.choose')}
          </button>
        </div>
        <div className="section-stack">
          <section className="card" aria-labelledby="psa-results-options">
            <div className="card-header">
              <h2 id="psa-results-options">{t('psa.options')}</h2>
              {loaded && <span className="subtle" data-testid="draws-file-name">{loaded.fileName}</span>}
            </div>
            <div className="card-body form-grid-3">
              <TextField label={t('psa.strategyNames')} value={names} onChange={setNames} placeholder={t('psa.strategyNamesExample')} hint={t('psa.strategyNamesHint')} testId="draws-strategy-names" readOnly={loaded?.stored !== null && loaded?.stored !== undefined} />
              <TextField label={t('psa.maxWtp')} value={maxWtpText} onChange={setMaxWtpText} error={typeof maxWtp === 'string' ? maxWtp : undefined} hint={t('psa.maxWtpHint')} testId="draws-max-wtp" />
              <TextField label={t('editor.currency')} value={currency} onChange={setCurrency} placeholder={t('psa.currencyExample')} testId="draws-currency" />
              {sheets.length > 1 && !loaded?.stored && (
                <SelectField label={t('psa.worksheet')} value={sheet === '' ? sheets[0]! : sheet} onChange={setSheet} options={sheets.map((name) => ({ value: name, label: name }))} hint={t('psa.worksheetHint', { n: sheets.length })} testId="draws-sheet" />
              )}
            </div>
          </section>
          {error && (
            <div className="notice notice-error" role="alert" data-testid="draws-error">
              <div><strong>{t('psa.cannotAnalyse')}</strong> {error}</div>
            </div>
          )}
          {reading && !loaded && <p className="subtle" aria-live="polite" data-testid="draws-reading">{t('psa.reading', { name: file?.name ?? '' })}</p>}
          {!file && !importId && !error && <p className="empty" data-testid="no-draws">{t('psa.empty')}</p>}
          {loaded && typeof maxWtp === 'number' && settings && (
            <>
              {loaded.stored && <StoredNote stored={loaded.stored} />}
              <DrawsResults loaded={loaded} maxWtp={maxWtp} currency={currency.trim() || undefined} />
              {loaded.draws.parameterDraws.names.length > 0 && (
                <EvppiCard draws={loaded.draws} wtpText={evppiWtpText} onWtpText={setEvppiWtpText} wtp={evppiWtp} currency={currency.trim() || undefined} />
              )}
              {!loaded.stored && <StoreInDossier loaded={loaded} settings={settings} />}
            </>
          )}
        </div>
      </div>
    </AppFrame>
  );
}

/** Where reopened results are stored, with the file they came from. */
function StoredNote({ stored }: { stored: StoredPsaImport }) {
  const { t } = useLanguage();
  const workspace = useWorkspace();
  const owner = useLiveQuery(() => workspace.get(stored.dossierId), [workspace, stored.dossierId]);
  return (
    <div className="notice" data-testid="draws-stored-note">
      <div>
        {t('psa.storedWith')} {owner ? <a href={routeHash({ page: 'dossier', dossierId: owner.id, section: 'models' })} data-user-content>{owner.title}</a> : '…'}{' '}
        {t(stored.sheet ? 'psa.storedDetailsSheet' : 'psa.storedDetails', { date: displayFormats().dateTime(stored.importedAt), file: stored.fileName, sheet: stored.sheet ?? '', sha: stored.fileSha256.slice(0, 12), layout: stored.layout })}
      </div>
    </div>
  );
}

/** Store the results with a dossier (the draws, the file's name and SHA-256, the settings). */
function StoreInDossier({ loaded, settings }: { loaded: Loaded; settings: PsaImportSettings }) {
  const { t } = useLanguage();
  const workspace = useWorkspace();
  const toasts = useToasts();
  const selectId = useId();
  const dossiers = useLiveQuery(() => workspace.list(), [workspace]);
  const [choice, setChoice] = useState('');
  const [storedIn, setStoredIn] = useState<{ dossierId: string; importId: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = workspace.readOnlyReason !== null;
  const chosen = choice || dossiers?.[0]?.id || '';
  const store = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      const d = loaded.draws;
      const info = await workspace.psaImports.add({
        dossierId: chosen,
        fileName: loaded.fileName,
        fileSha256: loaded.fileSha256,
        sheet: loaded.sheet,
        layout: d.layout,
        strategyIds: [...d.strategyIds],
        draws: d.draws,
        costs: d.costs,
        effects: d.effects,
        parameterNames: [...d.parameterDraws.names],
        parameterValues: d.parameterDraws.values,
        ignoredColumns: d.ignoredColumns,
        settings,
      });
      setStoredIn({ dossierId: chosen, importId: info.id });
      toasts.show({ message: t('psa.storedToast', { title: dossiers?.find((x) => x.id === chosen)?.title ?? '' }) });
    } catch (e) {
      toasts.show({ tone: 'error', message: t('psa.storeFailed', { message: errorText(e, t) }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby={`${selectId}-title`} data-testid="store-draws-card">
      <div className="card-header">
        <h2 id={`${selectId}-title`}>{t('psa.storeTitle')}</h2>
        <span className="subtle">{t('psa.storeNote')}</span>
      </div>
      <div className="card-body">
        {dossiers && dossiers.length === 0 ? (
          <p className="empty">{t('psa.noDossier')} <a href={routeHash({ page: 'library' })}>{t('nav.library')}</a></p>
        ) : (
          <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void store(); }}>
            <div className="field grow">
              <label className="field-label" htmlFor={selectId}>{t('psa.dossier')}</label>
              <select id={selectId} className="select" value={chosen} onChange={(e) => setChoice(e.target.value)} disabled={readOnly || !dossiers} data-testid="store-draws-dossier">
                {(dossiers ?? []).map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
              </select>
            </div>
            <button type="submit" className="btn btn-primary" disabled={readOnly || busy || !chosen} data-testid="store-draws">{t('psa.store')}</button>
            {storedIn && (
              <a className="btn" href={routeHash({ page: 'psa-results', importId: storedIn.importId })} data-testid="open-stored-draws">{t('psa.openStored')}</a>
            )}
          </form>
        )}
      </div>
    </section>
  );
}

function DrawsResults({ loaded, maxWtp, currency }: { loaded: Loaded; maxWtp: number; currency: string | undefined }) {
  const { t } = useLanguage();
  const { draws } = loaded;
  const [summary, setSummary] = useState<ImportedDrawsSummary | null>(null);
  useEffect(() => {
    let live = true;
    void engineWorker()
      .summariseImportedDraws(draws, { maxWtp, maxPoints: MAX_PLANE_POINTS })
      .then((s) => live && setSummary(s));
    return () => {
      live = false;
    };
  }, [draws, maxWtp]);
  if (!summary) return <p className="subtle" aria-live="polite">{t('psa.summarising', { n: formatCount(draws.draws) })}</p>;
  const { view, incremental } = summary;
  // Draws from other models are often small amounts (a vaccine's cost per person): cents when costs are below 1,000.
  const small = Math.max(...view.means.map((m) => Math.abs(m.cost.mean))) < 1000;
  const money = (v: number) => formatMoney(v, currency, small ? 2 : 0);
  const wtpTick = formatMoneyAxis(Math.max(0, ...view.ceac.map((r) => r.wtp ?? 0)), currency);
  const costTick = small ? (v: number) => formatMoney(v, currency, 1) : formatMoneyAxis(Math.max(0, ...view.plane.flatMap((s) => s.points.map((p) => Math.abs(p.incCost)))), currency);
  return (
    <div className="section-stack" data-testid="draws-results">
      <p className="subtle" data-testid="draws-summary">
        {draws.parameterDraws.names.length > 0
          ? t('psa.summaryParameters', { n: formatCount(draws.draws), strategies: draws.strategyIds.length, layout: draws.layout, parameters: draws.parameterDraws.names.length, names: draws.parameterDraws.names.join(', ') })
          : t('psa.summary', { n: formatCount(draws.draws), strategies: draws.strategyIds.length, layout: draws.layout })}
      </p>
      {draws.ignoredColumns.length > 0 && <p className="subtle" data-testid="draws-ignored-columns">{ignoredColumnsSentence(draws.ignoredColumns, t)}</p>}
      <div className="table-wrap">
        <table className="table" data-testid="draws-means-table">
          <caption className="table-caption">{t('psa.meansCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.strategy')}</th>
              <th scope="col" className="num">{t('uncertainty.meanCost')}</th>
              <th scope="col" className="num">{t('uncertainty.interval')}</th>
              <th scope="col" className="num">{t('psa.meanEffect')}</th>
              <th scope="col" className="num">{t('uncertainty.interval')}</th>
            </tr>
          </thead>
          <tbody>
            {view.means.map((m) => (
              <tr key={m.id}>
                <th scope="row" className="row-head">{m.label}</th>
                <td className="num">{money(m.cost.mean)}</td>
                <td className="num">{t('uncertainty.range', { low: money(m.cost.lower), high: money(m.cost.upper) })}</td>
                <td className="num">{formatNumber(m.effect.mean, 6)}</td>
                <td className="num">{t('uncertainty.range', { low: formatNumber(m.effect.lower, 6), high: formatNumber(m.effect.upper, 6) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="draws-incremental-table">
          <caption className="table-caption">{t('psa.incrementalCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.strategy')}</th>
              <th scope="col">{t('analysis.status')}</th>
              <th scope="col" className="num">{t('analysis.incCost')}</th>
              <th scope="col" className="num">{t('psa.incEffect')}</th>
              <th scope="col" className="num">{t('results.icer')}</th>
            </tr>
          </thead>
          <tbody>
            {incremental.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="row-head">{r.id}</th>
                <td>{statusBadgeText(r.status, t)}</td>
                <td className="num">{r.incCost === null ? '—' : money(r.incCost)}</td>
                <td className="num">{r.incEffect === null ? '—' : formatNumber(r.incEffect, 6)}</td>
                <td className="num">{r.icer === null ? '—' : formatMoney(r.icer, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PsaCharts
        view={view}
        testIds={{ plane: 'draws-plane', ceac: 'draws-ceac', evpi: 'draws-evpi' }}
        per="person"
        currency={currency}
        effectNoun={t('psa.effect')}
        effectUnit={t('psa.unitOfEffect')}
        effectDigits={5}
        money={money}
        moneyTick={wtpTick}
        costTick={costTick}
        evpiMoney={(v) => formatMoney(v, currency, 2)}
        icer={(v) => (v === null ? '—' : formatMoney(v, currency))}
        evpiDescription={t('psa.evpiDescription')}
      />
    </div>
  );
}

const IMPORTED_EVPPI_WORDING: EvppiWording = {
  description: 'psa.evppiDescription',
  descriptionNoWhiskers: 'psa.evppiDescriptionNoWhiskers',
  tableOnly: 'psa.evppiDescriptionTableOnly',
  allZero: 'psa.evppiAllZero',
  summary: 'psa.evppiSummary',
  series: 'psa.evppiPerPerson',
  axis: 'psa.evppiAxis',
  category: 'uncertainty.parameter',
};

type EvppiState = { kind: 'running'; done: number; total: number } | { kind: 'done'; results: EvppiResult[]; ms: number } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/** EVPPI per parameter column at one threshold, in a worker of its own (a few parameters per call: progress; Cancel ends the worker). */
function EvppiCard({ draws, wtpText, onWtpText, wtp, currency }: { draws: ExternalPsaDraws; wtpText: string; onWtpText: (text: string) => void; wtp: number | string; currency: string | undefined }) {
  const { t } = useLanguage();
  const formId = useId();
  const [state, setState] = useState<EvppiState | null>(null);
  const [runKey, setRunKey] = useState(0);
  const cancel = useRef<(() => void) | null>(null);
  const parameters = draws.parameterDraws.names;
  useEffect(() => {
    if (typeof wtp !== 'number') return;
    const worker = dedicatedEngineWorker();
    let stopped = false;
    cancel.current = () => {
      stopped = true;
      worker.terminate();
      setState({ kind: 'cancelled' });
    };
    const t0 = performance.now();
    void (async () => {
      const results: EvppiResult[] = [];
      setState({ kind: 'running', done: 0, total: parameters.length });
      try {
        for (let k = 0; k < parameters.length; k += PARAMETERS_PER_CALL) {
          const out = await worker.remote.importedDrawsEvppi(draws, wtp, [...parameters.slice(k, k + PARAMETERS_PER_CALL)], EVPPI_SE_DRAWS);
          if (stopped) return;
          results.push(...out);
          setState({ kind: 'running', done: results.length, total: parameters.length });
        }
        setState({ kind: 'done', results, ms: performance.now() - t0 });
      } catch (e) {
        if (!stopped) setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      } finally {
        if (!stopped) worker.terminate();
        cancel.current = null;
      }
    })();
    return () => {
      stopped = true;
      worker.terminate();
    };
  }, [draws, wtp, parameters, runKey]);

  return (
    <section className="card" aria-labelledby={`${formId}-title`} data-testid="draws-evppi-card">
      <div className="card-header">
        <h2 id={`${formId}-title`}>{t('psa.evppiTitle')}</h2>
        <span className="subtle">{t('psa.evppiSubtitle')}</span>
      </div>
      <div className="card-body section-stack">
        <div className="toolbar">
          <TextField label={t('psa.evppiWtp', { currency: currency ?? t('analysis.currency') })} value={wtpText} onChange={onWtpText} error={typeof wtp === 'string' ? wtp : undefined} testId="draws-evppi-wtp" />
          {state?.kind === 'running' ? (
            <button type="button" className="btn" onClick={() => cancel.current?.()} data-testid="cancel-draws-evppi">{t('common.cancel')}</button>
          ) : (
            state?.kind === 'cancelled' && <button type="button" className="btn btn-primary" onClick={() => setRunKey((k) => k + 1)} data-testid="run-draws-evppi">{t('psa.computeEvppi')}</button>
          )}
        </div>
        {state?.kind === 'running' && (
          <div className="psa-progress" data-testid="draws-evppi-progress">
            <div className="psa-progress-track" role="progressbar" aria-label={t('uncertainty.evppiProgress')} aria-valuemin={0} aria-valuemax={state.total} aria-valuenow={state.done} aria-valuetext={t('psa.parametersDone', { done: state.done, total: state.total })}>
              <span className="psa-progress-fill" style={{ width: `${state.total ? (100 * state.done) / state.total : 0}%` }} />
            </div>
            <span className="subtle" aria-live="polite">{t('psa.parametersDone', { done: state.done, total: state.total })}</span>
          </div>
        )}
        {state?.kind === 'cancelled' && <p className="subtle" data-testid="draws-evppi-cancelled">{t('psa.evppiCancelled')}</p>}
        {state?.kind === 'failed' && <div className="notice notice-error" role="alert" data-testid="draws-evppi-error">{t('psa.evppiFailed', { message: state.message })}</div>}
        {state?.kind === 'done' && typeof wtp === 'number' && (
          <>
            <EvppiBars testId="draws-evppi" title={t('psa.evppiChartTitle', { wtp: formatMoney(wtp, currency) })} results={state.results} nameOf={(id) => id} currency={currency} wording={IMPORTED_EVPPI_WORDING} labelWidth={200} />
            <p className="subtle method-note" data-testid="draws-evppi-method"><strong>{t('uncertainty.method')}</strong> {t('uncertainty.evppiMethod')} {t('psa.computedIn', { seconds: formatNumber(state.ms / 1000, 1) })}</p>
          </>
        )}
      </div>
    </section>
  );
}
