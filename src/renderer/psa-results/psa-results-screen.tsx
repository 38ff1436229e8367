import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { AppFrame } from '../layout/app-frame';
import { usePlatform } from '../platform/platform-context';
import { TextField } from '../ui/fields';
import { UploadIcon } from '../ui/icons';
import { useToasts } from '../ui/toasts';
import { HorizontalBarChart } from '../charts/bar-chart';
import { routeHash } from '../app/routes';
import { useWorkspace } from '../dossiers/workspace-context';
import { PsaCharts } from '../results/psa-charts';
import { EVPPI_METHOD, sortedBars } from '../results/voi-section';
import { dedicatedEngineWorker, engineWorker } from '../workers/engine-client';
import type { ImportedDrawsSummary } from '../workers/psa-import-api';
import type { ExternalPsaDraws } from '../../engine/psa/external-draws';
import type { EvppiResult } from '../../engine/uncertainty/evppi';
import type { PsaImportSettings, StoredPsaImport } from '../../dossier/psa-imports';
import { incrementalStatusLabels } from '../../report/results-tables';
import { formatCount, formatDateTime, formatMoney, formatMoneyAxis, formatNumber } from '../settings/display-format';

// "Analyse PSA results…": per-draw costs and effects made by another model (BCEA / dampack exports, a company's
// spreadsheet as CSV or .xlsx), read in the engine worker with the reader of `hta voi`, shown with the model screens'
// PSA charts (means, incremental analysis, CE plane, CEAC with CEAF, EVPI) and, when the file has parameter columns,
// EVPPI per parameter by the engine function `hta voi` uses (a worker of its own: progress and Cancel). The results
// can be stored with a dossier and reopened from it (`#/psa-results/<id>`) with the same figures.

const drawsFileTypes = [{ name: 'PSA draws (CSV or Excel)', extensions: ['csv', 'txt', 'xlsx', 'xlsm'] }];
const maxDrawsBytes = 50 * 1024 * 1024;
const MAX_PLANE_POINTS = 2000;
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

function parsePositive(text: string, example: string): number | string {
  const x = Number(text.replace(/[\s,]/g, ''));
  return text.trim() !== '' && Number.isFinite(x) && x > 0 ? x : `Enter a number greater than 0, e.g. ${example}.`;
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
  const platform = usePlatform();
  const workspace = useWorkspace();
  const [names, setNames] = useState('');
  const [maxWtpText, setMaxWtpText] = useState('50000');
  const [evppiWtpText, setEvppiWtpText] = useState('25000');
  const [currency, setCurrency] = useState('');
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array; seq: number } | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The file and names the last finished read was for: reading while they differ from the current ones. */
  const [readKey, setReadKey] = useState('');
  const maxWtp = parsePositive(maxWtpText, '50000');
  const evppiWtp = parsePositive(evppiWtpText, '25000');

  // Reopened from a dossier: the stored draws and the settings they were stored with.
  useEffect(() => {
    if (!importId) return;
    let live = true;
    void workspace.psaImports.get(importId).then(
      (item) => {
        if (!live) return;
        if (!item) return setError('These imported PSA results are no longer in the workspace.');
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
  }, [workspace, importId]);

  // A chosen file is read (and read again when the c1…cN names change) in the engine worker.
  const strategyNames = namesOf(names);
  const namesKey = strategyNames?.join('\u0000') ?? '';
  const currentKey = file ? `${file.seq}|${namesKey}` : '';
  const reading = currentKey !== '' && readKey !== currentKey;
  useEffect(() => {
    if (!file) return;
    let live = true;
    const key = `${file.seq}|${namesKey}`;
    void engineWorker()
      .readImportedDraws({ name: file.name, bytes: file.bytes, strategyNames: namesKey === '' ? undefined : namesKey.split('\u0000') })
      .then(
        (out) => {
          if (!live) return;
          if (out.ok) {
            setError(null);
            setLoaded({ fileName: file.name, fileSha256: out.sha256, sheet: out.sheet, draws: out.draws, stored: null });
          } else {
            setLoaded(null);
            setError(out.message);
          }
        },
        (e: unknown) => live && setError(`${file.name}: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => live && setReadKey(key));
    return () => {
      live = false;
    };
  }, [file, namesKey]);

  const choose = async () => {
    const opened = await platform.openBinaryFile({ fileTypes: drawsFileTypes, maxBytes: maxDrawsBytes });
    if (!opened.opened) {
      if (opened.reason !== 'canceled') setError(opened.message ?? `The file could not be read (${opened.reason}).`);
      return;
    }
    setError(null);
    setLoaded(null);
    setFile((f) => ({ name: opened.name, bytes: opened.bytes, seq: (f?.seq ?? 0) + 1 }));
  };

  const settings: PsaImportSettings | null =
    typeof maxWtp === 'number' ? { maxWtp, evppiWtp: loaded && loaded.draws.parameterDraws.names.length > 0 && typeof evppiWtp === 'number' ? evppiWtp : null, currency: currency.trim(), strategyNames: names.trim() } : null;

  return (
    <AppFrame activeNav="models" title={<span className="current">Analyse PSA results</span>}>
      <div className="page" data-testid="psa-results-screen">
        <div className="page-header">
          <div className="page-title">
            <h1>Analyse PSA results</h1>
            <p>Per-draw costs and effects from another model, as BCEA and dampack export them (CSV or Excel): columns cost_&lt;strategy&gt; and eff_&lt;strategy&gt;, c_&lt;strategy&gt; and e_&lt;strategy&gt;, c1…cN and e1…eN, or long rows strategy, draw, cost, effect. Other numeric columns are parameters, valued by EVPPI.</p>
          </div>
          <button type="button" className="btn btn-primary" onClick={() => void choose()} data-testid="choose-draws-file">
            <UploadIcon />
            Choose draws file…
          </button>
        </div>
        <div className="section-stack">
          <section className="card" aria-labelledby="psa-results-options">
            <div className="card-header">
              <h2 id="psa-results-options">Options</h2>
              {loaded && <span className="subtle" data-testid="draws-file-name">{loaded.fileName}</span>}
            </div>
            <div className="card-body form-grid-3">
              <TextField label="Strategy names (c1…cN)" value={names} onChange={setNames} placeholder="e.g. Status quo, Vaccination" hint="For c1…cN columns, comma-separated." testId="draws-strategy-names" readOnly={loaded?.stored !== null && loaded?.stored !== undefined} />
              <TextField label="Highest willingness to pay" value={maxWtpText} onChange={setMaxWtpText} error={typeof maxWtp === 'string' ? maxWtp : undefined} hint="Per unit of effect; 101 thresholds." testId="draws-max-wtp" />
              <TextField label="Currency" value={currency} onChange={setCurrency} placeholder="e.g. GBP" testId="draws-currency" />
            </div>
          </section>
          {error && (
            <div className="notice notice-error" role="alert" data-testid="draws-error">
              <div><strong>These draws cannot be analysed.</strong> {error}</div>
            </div>
          )}
          {reading && !loaded && <p className="subtle" aria-live="polite" data-testid="draws-reading">Reading {file?.name}…</p>}
          {!file && !importId && !error && <p className="empty" data-testid="no-draws">Choose a CSV or Excel file of PSA draws to see the means, the incremental analysis, the CE plane, the acceptability curves, the EVPI and, with parameter columns, the EVPPI.</p>}
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
  const workspace = useWorkspace();
  const owner = useLiveQuery(() => workspace.get(stored.dossierId), [workspace, stored.dossierId]);
  return (
    <div className="notice" data-testid="draws-stored-note">
      <div>
        Stored with the dossier {owner ? <a href={routeHash({ page: 'dossier', dossierId: owner.id, section: 'models' })}>{owner.title}</a> : '…'} on {formatDateTime(stored.importedAt)}: file {stored.fileName}{stored.sheet ? `, worksheet “${stored.sheet}”` : ''} (SHA-256 <span className="mono">{stored.fileSha256.slice(0, 12)}…</span>), read as the {stored.layout} layout.
      </div>
    </div>
  );
}

/** Store the results with a dossier (the draws, the file's name and SHA-256, the settings). */
function StoreInDossier({ loaded, settings }: { loaded: Loaded; settings: PsaImportSettings }) {
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
      toasts.show({ message: `Stored with “${dossiers?.find((x) => x.id === chosen)?.title ?? 'the dossier'}”.` });
    } catch (e) {
      toasts.show({ tone: 'error', message: `The results could not be stored: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby={`${selectId}-title`} data-testid="store-draws-card">
      <div className="card-header">
        <h2 id={`${selectId}-title`}>Store in a dossier</h2>
        <span className="subtle">The draws, the file’s name and SHA-256 and these settings; listed under the dossier’s Model links.</span>
      </div>
      <div className="card-body">
        {dossiers && dossiers.length === 0 ? (
          <p className="empty">No dossier yet: create one in the <a href={routeHash({ page: 'library' })}>library</a> first.</p>
        ) : (
          <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void store(); }}>
            <div className="field grow">
              <label className="field-label" htmlFor={selectId}>Dossier</label>
              <select id={selectId} className="select" value={chosen} onChange={(e) => setChoice(e.target.value)} disabled={readOnly || !dossiers} data-testid="store-draws-dossier">
                {(dossiers ?? []).map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
              </select>
            </div>
            <button type="submit" className="btn btn-primary" disabled={readOnly || busy || !chosen} data-testid="store-draws">Store in dossier</button>
            {storedIn && (
              <a className="btn" href={routeHash({ page: 'psa-results', importId: storedIn.importId })} data-testid="open-stored-draws">Open stored copy</a>
            )}
          </form>
        )}
      </div>
    </section>
  );
}

function DrawsResults({ loaded, maxWtp, currency }: { loaded: Loaded; maxWtp: number; currency: string | undefined }) {
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
  if (!summary) return <p className="subtle" aria-live="polite">Summarising {formatCount(draws.draws)} draws…</p>;
  const { view, incremental } = summary;
  // Draws from other models are often small amounts (a vaccine's cost per person): cents when costs are below 1,000.
  const small = Math.max(...view.means.map((m) => Math.abs(m.cost.mean))) < 1000;
  const money = (v: number) => formatMoney(v, currency, small ? 2 : 0);
  const wtpTick = formatMoneyAxis(Math.max(0, ...view.ceac.map((r) => r.wtp ?? 0)), currency);
  const costTick = small ? (v: number) => formatMoney(v, currency, 1) : formatMoneyAxis(Math.max(0, ...view.plane.flatMap((s) => s.points.map((p) => Math.abs(p.incCost)))), currency);
  return (
    <div className="section-stack" data-testid="draws-results">
      <p className="subtle" data-testid="draws-summary">
        {formatCount(draws.draws)} draws of {draws.strategyIds.length} strategies ({draws.layout} layout){draws.parameterDraws.names.length > 0 ? `; ${draws.parameterDraws.names.length} parameter columns (${draws.parameterDraws.names.join(', ')})` : ''}.
      </p>
      <div className="table-wrap">
        <table className="table" data-testid="draws-means-table">
          <caption className="table-caption">Mean and 95% interval (2.5th–97.5th percentile) per person</caption>
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col" className="num">Mean cost</th>
              <th scope="col" className="num">95% interval</th>
              <th scope="col" className="num">Mean effect</th>
              <th scope="col" className="num">95% interval</th>
            </tr>
          </thead>
          <tbody>
            {view.means.map((m) => (
              <tr key={m.id}>
                <th scope="row" className="row-head">{m.label}</th>
                <td className="num">{money(m.cost.mean)}</td>
                <td className="num">{money(m.cost.lower)} to {money(m.cost.upper)}</td>
                <td className="num">{formatNumber(m.effect.mean, 6)}</td>
                <td className="num">{formatNumber(m.effect.lower, 6)} to {formatNumber(m.effect.upper, 6)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="draws-incremental-table">
          <caption className="table-caption">Incremental analysis of the means (increments over the next cheaper strategy on the frontier)</caption>
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Incremental cost</th>
              <th scope="col" className="num">Incremental effect</th>
              <th scope="col" className="num">ICER</th>
            </tr>
          </thead>
          <tbody>
            {incremental.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="row-head">{r.id}</th>
                <td>{incrementalStatusLabels[r.status]}</td>
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
        effectLabel="effect"
        effectUnit="unit of effect"
        effectDigits={5}
        money={money}
        moneyTick={wtpTick}
        costTick={costTick}
        evpiMoney={(v) => formatMoney(v, currency, 2)}
        icer={(v) => (v === null ? '—' : formatMoney(v, currency))}
        evpiDescription="What removing all uncertainty in these draws would be worth per person, by threshold."
      />
    </div>
  );
}

type EvppiState = { kind: 'running'; done: number; total: number } | { kind: 'done'; results: EvppiResult[]; ms: number } | { kind: 'cancelled' } | { kind: 'failed'; message: string };

/** EVPPI per parameter column at one threshold, in a worker of its own (a few parameters per call: progress; Cancel ends the worker). */
function EvppiCard({ draws, wtpText, onWtpText, wtp, currency }: { draws: ExternalPsaDraws; wtpText: string; onWtpText: (text: string) => void; wtp: number | string; currency: string | undefined }) {
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

  const money = (v: number) => formatMoney(v, currency, Math.abs(v) < 100 ? 2 : 0);
  const bars = state?.kind === 'done' ? sortedBars(state.results, (id) => id) : [];
  const evpi = state?.kind === 'done' ? (state.results[0]?.evpi ?? 0) : 0;
  return (
    <section className="card" aria-labelledby={`${formId}-title`} data-testid="draws-evppi-card">
      <div className="card-header">
        <h2 id={`${formId}-title`}>Expected value of partial perfect information</h2>
        <span className="subtle">Per parameter column, per person</span>
      </div>
      <div className="card-body section-stack">
        <div className="toolbar">
          <TextField label={`Threshold (${currency ?? 'currency'} per unit of effect)`} value={wtpText} onChange={onWtpText} error={typeof wtp === 'string' ? wtp : undefined} testId="draws-evppi-wtp" />
          {state?.kind === 'running' ? (
            <button type="button" className="btn" onClick={() => cancel.current?.()} data-testid="cancel-draws-evppi">Cancel</button>
          ) : (
            state?.kind === 'cancelled' && <button type="button" className="btn btn-primary" onClick={() => setRunKey((k) => k + 1)} data-testid="run-draws-evppi">Compute EVPPI</button>
          )}
        </div>
        {state?.kind === 'running' && (
          <div className="psa-progress" data-testid="draws-evppi-progress">
            <div className="psa-progress-track" role="progressbar" aria-label="EVPPI progress" aria-valuemin={0} aria-valuemax={state.total} aria-valuenow={state.done} aria-valuetext={`${state.done} of ${state.total} parameters`}>
              <span className="psa-progress-fill" style={{ width: `${state.total ? (100 * state.done) / state.total : 0}%` }} />
            </div>
            <span className="subtle" aria-live="polite">{state.done} of {state.total} parameters</span>
          </div>
        )}
        {state?.kind === 'cancelled' && <p className="subtle" data-testid="draws-evppi-cancelled">EVPPI cancelled.</p>}
        {state?.kind === 'failed' && <div className="notice notice-error" role="alert" data-testid="draws-evppi-error">EVPPI could not be computed: {state.message}</div>}
        {state?.kind === 'done' && typeof wtp === 'number' && (
          <>
            <HorizontalBarChart
              testId="draws-evppi"
              title={`EVPPI per person at ${formatMoney(wtp, currency)} per unit of effect`}
              description={`Sorted, largest first; whiskers are ±1 standard error. EVPI per person (all uncertainty): ${money(evpi)}.`}
              summary={`EVPPI per person, largest: ${bars.slice(0, 5).map((b) => `${b.label} ${money(b.evppi)}`).join('; ')}.`}
              rows={bars.map((b) => ({ label: b.label, values: { evppi: b.evppi }, intervals: { evppi: b.se !== null ? [Math.max(0, b.evppi - b.se), b.evppi + b.se] : null } }))}
              series={[{ key: 'evppi', label: 'EVPPI per person' }]}
              categoryLabel="Parameter"
              valueLabel={`EVPPI per person (${currency ?? 'currency'})`}
              formatValue={money}
              intervalLabel="± 1 SE"
              labelWidth={200}
            />
            <p className="subtle method-note" data-testid="draws-evppi-method"><strong>Method:</strong> {EVPPI_METHOD} Computed in {formatNumber(state.ms / 1000, 1)} s.</p>
          </>
        )}
      </div>
    </section>
  );
}
