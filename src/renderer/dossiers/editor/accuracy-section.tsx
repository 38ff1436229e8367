import { useEffect, useMemo, useState } from 'react';
import type { AccuracyMetaAnalysis, AccuracyMethod } from '../../../engine/accuracy/meta-analysis';
import { accuracyMethodLabels } from '../../../engine/accuracy/meta-analysis';
import type { ProportionEstimate } from '../../../engine/accuracy/two-by-two';
import { proportionInterval } from '../../../engine/accuracy/two-by-two';
import { ForestPlot } from '../../charts/forest-plot';
import { QuadasBars, QuadasTrafficLights } from '../../charts/quadas-charts';
import { SrocChart } from '../../charts/sroc-chart';
import { usePlatform } from '../../platform/platform-context';
import { Card, SelectField } from '../../ui/fields';
import { useToasts } from '../../ui/toasts';
import { engineWorker } from '../../workers/engine-client';
import { accuracyRows, accuracySubsets, quadasOf, selectRows, studiesOf } from '../../../dossier/accuracy-rows';
import type { AccuracyRow } from '../../../dossier/accuracy-rows';
import { importTwoByTwoCsv } from '../accuracy/accuracy-data';
import { newLocalId } from '../dossier-edits';
import { maxImportBytes } from '../file-types';
import type { SectionProps } from './section-props';

// The dossier's test-accuracy evidence: every 2×2 table of the register, a bivariate meta-analysis of a chosen
// subset (run in the engine worker), the paired forest plot and SROC plot, and the QUADAS-2 summary.

const ALL = '*';

type Fit = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: AccuracyMetaAnalysis; milliseconds: number } | { state: 'failed'; message: string };

function percentWithCi(p: ProportionEstimate): string {
  return `${(100 * p.estimate).toFixed(1)}% (${(100 * p.lower).toFixed(1)}–${(100 * p.upper).toFixed(1)})`;
}

export function AccuracySection({ dossier, edit }: SectionProps) {
  const platform = usePlatform();
  const toasts = useToasts();
  const rows = useMemo(() => accuracyRows(dossier), [dossier]);
  const subsets = useMemo(() => accuracySubsets(rows), [rows]);
  const [indexTest, setIndexTest] = useState(ALL);
  const [alteration, setAlteration] = useState(ALL);
  const [method, setMethod] = useState<AccuracyMethod>('reml');
  const [importProblems, setImportProblems] = useState<string[]>([]);
  const selected = useMemo(
    () => selectRows(rows, { indexTest: indexTest === ALL ? null : indexTest, alteration: alteration === ALL ? null : alteration }),
    [rows, indexTest, alteration],
  );
  const { studies, skipped } = useMemo(() => studiesOf(selected), [selected]);
  const quadas = useMemo(() => quadasOf(dossier, selected), [dossier, selected]);
  const fit = useAccuracyFit(studies, method);

  const importCsv = async () => {
    const opened = await platform.openFile({ fileTypes: [{ name: '2×2 table (CSV)', extensions: ['csv', 'txt'] }], maxBytes: maxImportBytes });
    if (!opened.opened) {
      if (opened.reason !== 'canceled') toasts.show({ tone: 'error', message: opened.message ?? 'The file could not be read.' });
      return;
    }
    const result = importTwoByTwoCsv(dossier, opened.content, newLocalId);
    if (!result.ok) {
      setImportProblems(result.problems);
      return;
    }
    setImportProblems([]);
    edit(() => result.dossier);
    toasts.show({ message: `Imported ${result.tables} 2×2 table${result.tables === 1 ? '' : 's'} from ${opened.name}: ${result.newItems} new stud${result.newItems === 1 ? 'y' : 'ies'}, ${result.updatedItems} updated.` });
  };

  return (
    <div className="section-stack" data-testid="accuracy-section">
      <Card
        flush
        title="Test accuracy: 2×2 data"
        actions={
          <button type="button" className="btn btn-sm" data-testid="import-two-by-two" onClick={() => void importCsv()}>
            Import 2×2 CSV…
          </button>
        }
      >
        {importProblems.length > 0 && (
          <div className="notice notice-error accuracy-notice" role="alert" data-testid="import-problems">
            <div>
              <strong>Nothing was imported.</strong> Correct the file and import it again:
              <ul>{importProblems.slice(0, 20).map((p) => <li key={p}>{p}</li>)}</ul>
              {importProblems.length > 20 && <p>…and {importProblems.length - 20} more.</p>}
            </div>
          </div>
        )}
        {rows.length === 0 ? (
          <p className="empty">
            No 2×2 data yet. Add TP, FN, TN and FP to a study in the evidence register, or import a CSV with columns study, tp, fn, tn, fp
            (optional: n, index test, reference standard, setting, alteration, derived, and the seven QUADAS-2 columns rob_… / applicability_…).
          </p>
        ) : (
          <>
            <div className="accuracy-toolbar">
              <SelectField label="Index test" value={indexTest} testId="accuracy-index-test" onChange={setIndexTest} options={[{ value: ALL, label: 'All index tests' }, ...subsets.indexTests.map((t) => ({ value: t, label: t }))]} />
              <SelectField label="Alteration or gene" value={alteration} testId="accuracy-alteration" onChange={setAlteration} options={[{ value: ALL, label: 'All' }, ...subsets.alterations.map((t) => ({ value: t, label: t }))]} />
              <SelectField label="Model" value={method} testId="accuracy-method" onChange={setMethod} options={[{ value: 'reml', label: 'Normal model on logits, REML' }, { value: 'glmm', label: 'Binomial GLMM, ML' }]} />
            </div>
            <TwoByTwoTable rows={selected} />
          </>
        )}
      </Card>
      {rows.length > 0 && (
        <Card title="Meta-analysis" testId="accuracy-results">
          <div className="accuracy-results">
            <FitSummary fit={fit} studyCount={studies.length} skipped={skipped} />
            {fit.state === 'done' && <SrocChart result={fit.result} testId="sroc-chart" />}
          </div>
        </Card>
      )}
      {fit.state === 'done' && (
        <Card title="Forest plot">
          <ForestPlot
            testId="forest-plot"
            studies={fit.result.studies.map((s) => ({ label: s.study, tp: s.tp, fn: s.fn, tn: s.tn, fp: s.fp, sensitivity: s.sensitivity, specificity: s.specificity }))}
            pooled={{ sensitivity: fit.result.sensitivity, specificity: fit.result.specificity }}
            intervalLabel="exact (Clopper–Pearson)"
            pooledLabel="Pooled"
          />
        </Card>
      )}
      {rows.length > 0 && (
        <Card title="Risk of bias and applicability (QUADAS-2)" testId="quadas-card">
          {quadas.length === 0 ? (
            <p className="empty">No QUADAS-2 judgements for these studies yet. Add them in each study’s evidence entry, or as columns of the CSV.</p>
          ) : (
            <div className="quadas-layout">
              <QuadasBars studies={quadas} testId="quadas-bars" />
              <QuadasTrafficLights studies={quadas} testId="quadas-table" />
            </div>
          )}
        </Card>
      )}
    </div>
  );
}

/** Runs the meta-analysis in the engine worker whenever the studies or the method change; stale answers are dropped. */
function useAccuracyFit(studies: ReturnType<typeof studiesOf>['studies'], method: AccuracyMethod): Fit {
  const key = JSON.stringify([studies, method]);
  const [answer, setAnswer] = useState<{ key: string; fit: Fit } | null>(null);
  useEffect(() => {
    if (studies.length < 2) return;
    let current = true;
    engineWorker()
      .analyseAccuracy(studies, { method })
      .then(
        (outcome) => {
          if (current) setAnswer({ key, fit: outcome.ok ? { state: 'done', result: outcome.result, milliseconds: outcome.milliseconds } : { state: 'failed', message: outcome.message } });
        },
        (error: unknown) => {
          if (current) setAnswer({ key, fit: { state: 'failed', message: error instanceof Error ? error.message : String(error) } });
        },
      );
    return () => {
      current = false;
    };
    // The key stands for the studies and the method (new arrays on every render would re-run the fit).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (studies.length < 2) return { state: 'idle' };
  return answer?.key === key ? answer.fit : { state: 'running' };
}

function FitSummary({ fit, studyCount, skipped }: { fit: Fit; studyCount: number; skipped: AccuracyRow[] }) {
  if (fit.state === 'idle') return <p className="empty">A meta-analysis needs at least two studies with 2×2 data in the chosen subset ({studyCount} now).</p>;
  if (fit.state === 'running') return <p className="subtle" role="status">Fitting the model to {studyCount} studies…</p>;
  if (fit.state === 'failed') return <div className="notice notice-error" role="alert" data-testid="accuracy-error">{fit.message}</div>;
  const r = fit.result;
  const [[c11, c12], [, c22]] = r.logit.covariance;
  return (
    <div className="accuracy-summary" data-testid="accuracy-summary">
      <dl className="accuracy-figures">
        <div><dt>Pooled sensitivity</dt><dd data-testid="pooled-sensitivity">{percentWithCi(r.sensitivity)}</dd></div>
        <div><dt>Pooled specificity</dt><dd data-testid="pooled-specificity">{percentWithCi(r.specificity)}</dd></div>
        <div><dt>Between-study τ² (logit sens / spec)</dt><dd>{r.tau2.sensitivity.toFixed(3)} / {r.tau2.specificity.toFixed(3)}</dd></div>
        <div><dt>Correlation of logits</dt><dd>{r.rho === null ? 'not estimated' : r.rho.toFixed(3)}</dd></div>
        <div>
          <dt>Covariance of pooled logits</dt>
          <dd className="matrix" aria-label={`sensitivity variance ${c11.toPrecision(3)}, covariance ${c12.toPrecision(3)}, specificity variance ${c22.toPrecision(3)}`}>
            <span>{c11.toPrecision(3)}</span><span>{c12.toPrecision(3)}</span><span>{c12.toPrecision(3)}</span><span>{c22.toPrecision(3)}</span>
          </dd>
        </div>
      </dl>
      <p className="subtle">
        {accuracyMethodLabels[r.method]}{r.model === 'univariate' ? ' — univariate fallback' : ''}; {r.studies.length} studies; fitted in {fit.milliseconds < 1 ? '<1' : Math.round(fit.milliseconds)} ms in the engine worker.
        {r.studies.some((s) => s.continuityCorrected) && r.method === 'reml' ? ' 0.5 was added to all cells of studies with a zero cell.' : ''}
      </p>
      {r.warnings.map((w) => <div key={w} className="notice notice-warning" role="status">{w}</div>)}
      {skipped.length > 0 && (
        <p className="subtle">
          {skipped.length} more table{skipped.length === 1 ? '' : 's'} of the same studies left out (one table per study; choose an index test or alteration to analyse them).
        </p>
      )}
    </div>
  );
}

function TwoByTwoTable({ rows }: { rows: readonly AccuracyRow[] }) {
  return (
    <div className="table-wrap two-by-two-wrap">
      <table className="table two-by-two-table" data-testid="two-by-two-table">
        <thead>
          <tr>
            <th scope="col">Study <span className="th-note">(index test vs reference; setting · alteration)</span></th>
            <th scope="col" className="num">TP</th>
            <th scope="col" className="num">FN</th>
            <th scope="col" className="num">TN</th>
            <th scope="col" className="num">FP</th>
            <th scope="col" className="num">n</th>
            <th scope="col" className="num">Sensitivity (95% CI)</th>
            <th scope="col" className="num">Specificity (95% CI)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const t = r.table;
            const total = t.tp + t.fn + t.tn + t.fp;
            const tests = [t.indexTest, t.referenceStandard].filter(Boolean).join(' vs ');
            const where = [t.setting, t.alteration].filter(Boolean).join(' · ');
            return (
              <tr key={`${r.evidenceId}-${t.id}`} data-testid="two-by-two-row">
                <td>
                  <div className="two-by-two-study">
                    <span className="one-line" title={r.citation}>{r.label}</span>
                    {t.derived && <span className="badge badge-info" title="Counts back-calculated from reported percentages">Derived</span>}
                    {r.unverified && <span className="badge badge-unverified">Unverified</span>}
                  </div>
                  {(tests || where) && <div className="subtle one-line">{[tests, where].filter(Boolean).join(' — ')}</div>}
                </td>
                <td className="num">{t.tp}</td>
                <td className="num">{t.fn}</td>
                <td className="num">{t.tn}</td>
                <td className="num">{t.fp}</td>
                <td className="num" title={r.n !== null && total < r.n ? `${total} of the study's ${r.n} participants are in this table` : undefined}>
                  {total}{r.n !== null && total < r.n ? <span className="subtle"> / {r.n}</span> : null}
                </td>
                <td className="num nowrap">{percentWithCi(proportionInterval(t.tp, t.tp + t.fn))}</td>
                <td className="num nowrap">{percentWithCi(proportionInterval(t.tn, t.tn + t.fp))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
