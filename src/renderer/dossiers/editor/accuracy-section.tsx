import { useEffect, useMemo, useState } from 'react';
import type { AccuracyMetaAnalysis, AccuracyMethod } from '../../../engine/accuracy/meta-analysis';
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
import type { NumberFormats } from '../../../report/format';
import { useLanguage } from '../../i18n/language';
import { describeAccuracyWarning } from '../../../report/engine-problems';
import { countText } from '../count-text';
import { ScrollRegion } from '../../ui/scroll-region';

// The dossier's test-accuracy evidence: every 2×2 table of the register, a bivariate meta-analysis of a chosen
// subset (run in the engine worker), the paired forest plot and SROC plot, and the QUADAS-2 summary.

const ALL = '*';

type Fit = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: AccuracyMetaAnalysis; milliseconds: number } | { state: 'failed'; message: string };


function percentWithCi(p: ProportionEstimate, fmt: NumberFormats): string {
  return `${fmt.number(100 * p.estimate, 1)}% (${fmt.number(100 * p.lower, 1)}–${fmt.number(100 * p.upper, 1)})`;
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
  const { t, fmt } = useLanguage();
  const { studies, skipped } = useMemo(() => studiesOf(selected), [selected]);
  const quadas = useMemo(() => quadasOf(dossier, selected), [dossier, selected]);
  const fit = useAccuracyFit(studies, method);

  const importCsv = async () => {
    const opened = await platform.openFile({ fileTypes: [{ name: t('accuracy.csvFiles'), extensions: ['csv', 'txt'] }], maxBytes: maxImportBytes });
    if (!opened.opened) {
      if (opened.reason !== 'canceled') toasts.show({ tone: 'error', message: opened.message ?? t('accuracy.unreadable') });
      return;
    }
    const result = importTwoByTwoCsv(dossier, opened.content, newLocalId);
    if (!result.ok) {
      setImportProblems(result.problems);
      return;
    }
    setImportProblems([]);
    edit(() => result.dossier);
    toasts.show({ message: t('accuracy.imported', { tables: countText(t, fmt, 'accuracy.n.table', result.tables), file: opened.name, studies: countText(t, fmt, 'accuracy.n.newStudy', result.newItems), updated: result.updatedItems }) });
  };

  return (
    <div className="section-stack" data-testid="accuracy-section">
      <Card
        flush
        title={t('accuracy.title')}
        actions={
          <button type="button" className="btn btn-sm" data-testid="import-two-by-two" onClick={() => void importCsv()}>
            {t('accuracy.import')}
          </button>
        }
      >
        {importProblems.length > 0 && (
          <div className="notice notice-error accuracy-notice" role="alert" data-testid="import-problems">
            <div>
              <strong>{t('accuracy.nothingImported')}</strong> {t('accuracy.correctFile')}
              <ul>{importProblems.slice(0, 20).map((p) => <li key={p}>{p}</li>)}</ul>
              {importProblems.length > 20 && <p>{t('accuracy.more', { n: importProblems.length - 20 })}</p>}
            </div>
          </div>
        )}
        {rows.length === 0 ? (
          <p className="empty">{t('accuracy.empty')}</p>
        ) : (
          <>
            <div className="accuracy-toolbar">
              <SelectField label={t('accuracy.indexTest')} value={indexTest} testId="accuracy-index-test" onChange={setIndexTest} options={[{ value: ALL, label: t('accuracy.allIndexTests') }, ...subsets.indexTests.map((v) => ({ value: v, label: v }))]} />
              <SelectField label={t('accuracy.alteration')} value={alteration} testId="accuracy-alteration" onChange={setAlteration} options={[{ value: ALL, label: t('accuracy.all') }, ...subsets.alterations.map((v) => ({ value: v, label: v }))]} />
              <SelectField label={t('accuracy.model')} value={method} testId="accuracy-method" onChange={setMethod} options={[{ value: 'reml', label: t('accuracy.reml') }, { value: 'glmm', label: t('accuracy.glmm') }]} />
            </div>
            <TwoByTwoTable rows={selected} />
          </>
        )}
      </Card>
      {rows.length > 0 && (
        <Card title={t('accuracy.metaAnalysis')} testId="accuracy-results">
          <div className="accuracy-results">
            <FitSummary fit={fit} studyCount={studies.length} skipped={skipped} />
            {fit.state === 'done' && <SrocChart result={fit.result} testId="sroc-chart" />}
          </div>
        </Card>
      )}
      {fit.state === 'done' && (
        <Card title={t('accuracy.forest')}>
          <ForestPlot
            testId="forest-plot"
            studies={fit.result.studies.map((s) => ({ label: s.study, tp: s.tp, fn: s.fn, tn: s.tn, fp: s.fp, sensitivity: s.sensitivity, specificity: s.specificity }))}
            pooled={{ sensitivity: fit.result.sensitivity, specificity: fit.result.specificity }}
            intervalLabel={t('accuracy.interval')}
            pooledLabel={t('accuracy.pooled')}
          />
        </Card>
      )}
      {rows.length > 0 && (
        <Card title={t('accuracy.quadasTitle')} testId="quadas-card">
          {quadas.length === 0 ? (
            <p className="empty">{t('accuracy.noQuadas')}</p>
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
  const { t, fmt } = useLanguage();
  if (fit.state === 'idle') return <p className="empty">{t('accuracy.needTwo', { n: studyCount })}</p>;
  if (fit.state === 'running') return <p className="subtle" role="status">{t('accuracy.fitting', { n: studyCount })}</p>;
  if (fit.state === 'failed') return <div className="notice notice-error" role="alert" data-testid="accuracy-error">{fit.message}</div>;
  const r = fit.result;
  const [[c11, c12], [, c22]] = r.logit.covariance;
  return (
    <div className="accuracy-summary" data-testid="accuracy-summary">
      <dl className="accuracy-figures">
        <div><dt>{t('accuracy.pooledSens')}</dt><dd data-testid="pooled-sensitivity">{percentWithCi(r.sensitivity, fmt)}</dd></div>
        <div><dt>{t('accuracy.pooledSpec')}</dt><dd data-testid="pooled-specificity">{percentWithCi(r.specificity, fmt)}</dd></div>
        <div><dt>{t('accuracy.tau2')}</dt><dd>{fmt.number(r.tau2.sensitivity, 3)} / {fmt.number(r.tau2.specificity, 3)}</dd></div>
        <div><dt>{t('accuracy.rho')}</dt><dd>{r.rho === null ? t('accuracy.notEstimated') : fmt.number(r.rho, 3)}</dd></div>
        <div>
          <dt>{t('accuracy.covariance')}</dt>
          <dd className="matrix" aria-label={t('accuracy.matrix', { a: c11.toPrecision(3), b: c12.toPrecision(3), c: c22.toPrecision(3) })}>
            <span>{c11.toPrecision(3)}</span><span>{c12.toPrecision(3)}</span><span>{c12.toPrecision(3)}</span><span>{c22.toPrecision(3)}</span>
          </dd>
        </div>
      </dl>
      <p className="subtle">
        {t(r.model === 'univariate' ? 'accuracy.fittedUni' : 'accuracy.fitted', { method: t(`accuracy.method.${r.method}`), n: r.studies.length, ms: fit.milliseconds < 1 ? '<1' : Math.round(fit.milliseconds) })}
        {r.studies.some((s) => s.continuityCorrected) && r.method === 'reml' ? ` ${t('accuracy.continuity')}` : ''}
      </p>
      {r.warnings.map((w, i) => <div key={w} className="notice notice-warning" role="status">{describeAccuracyWarning(r, i, t, fmt)}</div>)}
      {skipped.length > 0 && (
        <p className="subtle">
          {countText(t, fmt, 'accuracy.skipped', skipped.length)}
        </p>
      )}
    </div>
  );
}

function TwoByTwoTable({ rows }: { rows: readonly AccuracyRow[] }) {
  const { t: tr, fmt } = useLanguage();
  return (
    <ScrollRegion className="two-by-two-wrap" label={tr('accuracy.tablesRegion')} vertical>
      <table className="table two-by-two-table" data-testid="two-by-two-table">
        <thead>
          <tr>
            <th scope="col">{tr('accuracy.study')} <span className="th-note">{tr('accuracy.studyNote')}</span></th>
            <th scope="col" className="num">{tr('accuracy.tp')}</th>
            <th scope="col" className="num">{tr('accuracy.fn')}</th>
            <th scope="col" className="num">{tr('accuracy.tn')}</th>
            <th scope="col" className="num">{tr('accuracy.fp')}</th>
            <th scope="col" className="num">n</th>
            <th scope="col" className="num">{tr('accuracy.sensCi')}</th>
            <th scope="col" className="num">{tr('accuracy.specCi')}</th>
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
                    <span className="one-line" title={r.citation} data-user-content>{r.label}</span>
                    {t.derived && <span className="badge badge-info" title={tr('accuracy.tt.derivedTitle')}>{tr('accuracy.tt.derived')}</span>}
                    {r.unverified && <span className="badge badge-unverified">{tr('accuracy.ev.unverified')}</span>}
                  </div>
                  {(tests || where) && <div className="subtle one-line" data-user-content>{[tests, where].filter(Boolean).join(' — ')}</div>}
                </td>
                <td className="num">{t.tp}</td>
                <td className="num">{t.fn}</td>
                <td className="num">{t.tn}</td>
                <td className="num">{t.fp}</td>
                <td className="num" title={r.n !== null && total < r.n ? tr('accuracy.partOfStudy', { total, n: r.n }) : undefined}>
                  {total}{r.n !== null && total < r.n ? <span className="subtle"> / {r.n}</span> : null}
                </td>
                <td className="num nowrap">{percentWithCi(proportionInterval(t.tp, t.tp + t.fn), fmt)}</td>
                <td className="num nowrap">{percentWithCi(proportionInterval(t.tn, t.tn + t.fp), fmt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
