import { useEffect, useMemo, useRef, useState } from 'react';
import { FIT_DISTRIBUTIONS } from '../../engine/survival-fit/distributions';
import type { FitDistribution } from '../../engine/survival-fit/distributions';
import type { ReconstructionCheck } from '../../engine/survival-fit/reconstruct-ipd';
import { usePlatform } from '../platform/platform-context';
import { formatNumber, numberOrNaN } from '../settings/display-format';
import { Card, SelectField, TextArea, TextField } from '../ui/fields';
import { UploadIcon } from '../ui/icons';
import { engineWorker } from '../workers/engine-client';
import type { SurvivalFitOutcome } from '../workers/survival-api';
import { FitTable } from './fit-table';
import { HazardChart, LogCumulativeHazardChart, NumbersAtRisk, SurvivalCurvesChart } from './survival-charts';
import { digitisedExample, patientDataExamples } from './survival-examples';
import { formatEstimate } from './survival-format';
import { UseFitPanel } from './use-fit-panel';
import type { TimeUnit } from './use-fit-panel';
import { useLanguage } from '../i18n/language';
import { describeFileProblem } from '../../report/file-problems';
import type { DescribableFileProblem } from '../../report/file-problems';
import type { ProblemDetail } from '../../shared/problem-detail';
import { textWithFamily, unitWord } from './survival-words';
import './survival.css';

// The Survival screen: patient data from a CSV (or rebuilt from a digitised Kaplan–Meier curve and its numbers at
// risk), the six fitted families against Kaplan–Meier with the hazard and log-cumulative-hazard plots, an AIC/BIC
// table to choose a fit, and the chosen fit into a model. All fitting runs in the engine worker.

interface DataSource {
  name: string;
  csv: string;
  /** Set when the data were rebuilt from a digitised curve. */
  reconstruction?: { check: ReconstructionCheck; notes: string[]; noteDetails: ProblemDetail[] };
}

const TIME_UNITS: readonly TimeUnit[] = ['day', 'week', 'month', 'year'];

const NONE = '';
const maxCsvBytes = 10 * 1024 * 1024;

function guessColumn(columns: readonly string[], wanted: string[], fallback: number): string {
  return columns.find((c) => wanted.includes(c.toLowerCase())) ?? columns[fallback] ?? '';
}

export function SurvivalPage() {
  const platform = usePlatform();
  const { t, fmt } = useLanguage();
  const [mode, setMode] = useState<'patients' | 'digitised'>('patients');
  const [source, setSource] = useState<DataSource | null>(null);
  const [columns, setColumns] = useState<string[]>([]);
  const [timeColumn, setTimeColumn] = useState('');
  const [eventColumn, setEventColumn] = useState('');
  const [armColumn, setArmColumn] = useState(NONE);
  const [armValue, setArmValue] = useState('');
  const [levels, setLevels] = useState<Record<string, string[]>>({});
  const [timeUnit, setTimeUnit] = useState<TimeUnit>('month');
  const [horizonText, setHorizonText] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<{ key: string; outcome: SurvivalFitOutcome } | null>(null);
  const [chosen, setChosen] = useState<FitDistribution | null>(null);
  const [shown, setShown] = useState<ReadonlySet<FitDistribution>>(new Set(FIT_DISTRIBUTIONS));
  const [curveText, setCurveText] = useState('');
  const [riskText, setRiskText] = useState('');
  const [eventsText, setEventsText] = useState('');
  const [curveName, setCurveName] = useState('');
  const [rebuildError, setRebuildError] = useState<DescribableFileProblem | null>(null);
  const request = useRef(0);

  const horizon = horizonText.trim() === '' ? undefined : numberOrNaN(horizonText);
  const horizonError = horizon !== undefined && !(Number.isFinite(horizon) && horizon > 0) ? t('survival.positive') : undefined;

  const loadData = async (next: DataSource, unit?: TimeUnit) => {
    const header = await engineWorker().csvColumns(next.csv);
    if (!header.ok) {
      setLoadError(t('fileProblem.inFile', { file: next.name, problem: describeFileProblem(header, t, fmt) }));
      return;
    }
    setLoadError(null);
    setSource(next);
    setColumns(header.columns);
    setLevels(header.levels);
    setTimeColumn(guessColumn(header.columns, ['time', 'futime', 'months', 'days', 'weeks', 't'], 0));
    setEventColumn(guessColumn(header.columns, ['event', 'status', 'fustat', 'dead', 'died', 'censor'], 1));
    setArmColumn(NONE);
    setArmValue('');
    setChosen(null);
    setHorizonText('');
    if (unit) setTimeUnit(unit);
  };

  const openCsv = async () => {
    const file = await platform.openFile({ fileTypes: [{ name: t('survival.csvFiles'), extensions: ['csv', 'txt'] }], maxBytes: maxCsvBytes });
    if (!file.opened) {
      if (file.reason !== 'canceled') setLoadError(file.message ?? t('survival.unreadable', { reason: file.reason }));
      return;
    }
    await loadData({ name: file.name, csv: file.content });
  };

  const rebuild = async () => {
    const totalEvents = eventsText.trim() === '' ? undefined : numberOrNaN(eventsText);
    if (totalEvents !== undefined && !(Number.isInteger(totalEvents) && totalEvents >= 0)) {
      setRebuildError({ message: t('survival.eventsWhole') });
      return;
    }
    const result = await engineWorker().reconstructSurvival({ curveCsv: curveText, riskCsv: riskText, totalEvents });
    if (!result.ok) {
      setRebuildError(result);
      return;
    }
    setRebuildError(null);
    await loadData({ name: t('survival.rebuiltFrom', { source: curveName.trim() || t('survival.aDigitisedCurve') }), csv: result.csv, reconstruction: { check: result.check, notes: result.notes, noteDetails: result.noteDetails } });
  };

  // Fit whenever the data or the choices change; an answer counts only for the inputs it was asked for.
  const arm = source && armColumn !== NONE && armValue !== '' ? { column: armColumn, value: armValue } : undefined;
  const ready = !!source && !!timeColumn && !!eventColumn && !horizonError && (armColumn === NONE || armValue !== '');
  const key = ready ? JSON.stringify([source.name, source.csv.length, timeColumn, eventColumn, arm, horizon]) : '';
  useEffect(() => {
    if (!ready || !source) return;
    const id = ++request.current;
    void engineWorker()
      .fitSurvival({ csv: source.csv, timeColumn, eventColumn, arm, distributions: [...FIT_DISTRIBUTIONS], plotHorizon: horizon })
      .then((outcome) => {
        if (id === request.current) setAnswer({ key, outcome });
      });
    // `key` stands for every input of the request.
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  const outcome = answer?.outcome ?? null;
  const fitting = ready && answer?.key !== key;

  const fits = useMemo(() => (outcome?.ok ? outcome.analysis.fits : []), [outcome]);
  const best = fits.find((f) => f.aicRank === 1)?.distribution ?? null;
  const current = chosen && fits.some((f) => f.distribution === chosen && f.converged) ? chosen : best;
  const chosenFit = fits.find((f) => f.distribution === current) ?? null;
  const visible = useMemo(() => fits.filter((f) => f.converged && shown.has(f.distribution)).map((f) => f.distribution), [fits, shown]);
  const timeLabel = unitWord(t, timeUnit);

  return (
    <div className="page survival-page" data-testid="survival-page">
      <div className="page-header">
        <div className="page-title">
          <h1>{t('survival.title')}</h1>
          <p>{t('survival.intro')}</p>
        </div>
      </div>

      <Card title={t('survival.data')} testId="survival-data">
        <div className="model-tabs" role="tablist" aria-label={t('survival.sourceTabs')}>
          {(['patients', 'digitised'] as const).map((m) => (
            <button key={m} type="button" role="tab" className="model-tab" aria-selected={mode === m} onClick={() => setMode(m)} data-testid={`source-${m}`}>
              {m === 'patients' ? t('survival.tabPatients') : t('survival.tabDigitised')}
            </button>
          ))}
        </div>
        <div className="source-panel">
          {mode === 'patients' ? (
            <div className="source-row">
              <button type="button" className="btn btn-primary" onClick={() => void openCsv()} data-testid="open-csv">
                <UploadIcon />
                {t('survival.openCsv')}
              </button>
              <span className="subtle">{t('survival.csvHint')}</span>
              <span className="source-examples">
                {t('survival.examples')}{' '}
                {patientDataExamples.map((ex) => (
                  <button key={ex.id} type="button" className="btn btn-ghost btn-sm" title={t(ex.description)} onClick={() => void loadData({ name: ex.name, csv: ex.csv }, ex.timeUnit)} data-testid={`example-${ex.id}`}>
                    {ex.name}
                  </button>
                ))}
              </span>
            </div>
          ) : (
            <div className="digitised-form">
              <TextArea label={t('survival.curvePoints')} value={curveText} onChange={setCurveText} rows={7} placeholder={'0, 1\n2.1, 0.95\n…'} testId="digitised-curve" />
              <TextArea label={t('survival.riskPoints')} value={riskText} onChange={setRiskText} rows={7} placeholder={'0, 120\n6, 98\n…'} testId="digitised-at-risk" />
              <div className="digitised-side">
                <TextField label={t('survival.totalEvents')} value={eventsText} onChange={setEventsText} testId="digitised-events" />
                <TextField label={t('survival.curveSource')} value={curveName} onChange={setCurveName} placeholder={t('survival.curveSourcePlaceholder')} testId="digitised-name" />
                <div className="btn-row">
                  <button type="button" className="btn btn-primary" onClick={() => void rebuild()} disabled={!curveText.trim() || !riskText.trim()} data-testid="rebuild">
                    {t('survival.rebuild')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm"
                    onClick={() => {
                      setCurveText(digitisedExample.curve);
                      setRiskText(digitisedExample.atRisk);
                      setCurveName(digitisedExample.name);
                      setTimeUnit(digitisedExample.timeUnit);
                    }}
                    data-testid="digitised-example"
                  >
                    {t('survival.fillExample')}
                  </button>
                </div>
                {rebuildError && <p className="field-error" role="alert" data-testid="rebuild-error">{describeFileProblem(rebuildError, t, fmt)}</p>}
              </div>
            </div>
          )}
          {loadError && <div className="notice notice-error" role="alert" data-testid="load-error">{loadError}</div>}
          {source && (
            <div className="data-options" data-testid="data-options">
              <div className="data-name">
                <span className="strip-label">{t('survival.data')}</span>
                <span data-testid="data-name" data-user-content>{source.name}</span>
              </div>
              <SelectField label={t('survival.timeColumn')} value={timeColumn} onChange={setTimeColumn} options={columns.map((c) => ({ value: c, label: c }))} testId="time-column" />
              <SelectField label={t('survival.eventColumn')} value={eventColumn} onChange={setEventColumn} options={columns.map((c) => ({ value: c, label: c }))} testId="event-column" />
              <SelectField
                label={t('survival.armColumn')}
                value={armColumn}
                onChange={(v) => {
                  setArmColumn(v);
                  setArmValue(levels[v]?.[0] ?? '');
                }}
                options={[{ value: NONE, label: t('survival.allPatients') }, ...columns.filter((c) => levels[c]).map((c) => ({ value: c, label: c }))]}
                testId="arm-column"
              />
              {armColumn !== NONE && <SelectField label={t('survival.arm')} value={armValue} onChange={setArmValue} options={(levels[armColumn] ?? []).map((a) => ({ value: a, label: a }))} testId="arm-value" />}
              <SelectField label={t('survival.timeUnit')} value={timeUnit} onChange={setTimeUnit} options={TIME_UNITS.map((u) => ({ value: u, label: t(`survival.unitName.${u}`) }))} testId="time-unit" />
              <TextField label={t('survival.extrapolate')} value={horizonText} onChange={setHorizonText} placeholder={outcome?.ok ? formatEstimate(outcome.analysis.summary.maxTime) : ''} error={horizonError} testId="plot-horizon" />
            </div>
          )}
        </div>
      </Card>

      {source?.reconstruction && <ReconstructionCard check={source.reconstruction.check} notes={source.reconstruction.notes.map((message, i) => ({ message, detail: source.reconstruction!.noteDetails[i] }))} csv={source.csv} name={source.name} timeLabel={timeLabel} />}

      {outcome && !outcome.ok && <div className="notice notice-error" role="alert" data-testid="fit-error">{describeFileProblem(outcome, t, fmt)}</div>}

      {outcome?.ok && (
        <>
          <Card
            title={t('survival.fitted')}
            testId="fits-card"
            actions={
              <span className="subtle" data-testid="data-summary">
                {fitting ? t('survival.fitting') : t('survival.summary', { n: outcome.analysis.summary.n, events: outcome.analysis.summary.events, median: formatEstimate(outcome.analysis.summary.kmMedian) === '—' ? t('survival.notReached') : formatEstimate(outcome.analysis.summary.kmMedian) })}
              </span>
            }
            flush
          >
            <FitTable
              fits={fits}
              chosen={current}
              onChoose={setChosen}
              shown={shown}
              onShow={(d, show) => setShown((s) => { const next = new Set(s); if (show) next.add(d); else next.delete(d); return next; })}
              timeLabel={timeLabel}
            />
          </Card>
          <section className="card" aria-label={t('survival.plots')}>
            <div className="card-body survival-charts">
              <div className="span-all">
                <SurvivalCurvesChart plot={outcome.plot} shown={visible} chosen={current} timeUnit={timeUnit} />
                <NumbersAtRisk plot={outcome.plot} timeLabel={timeLabel} />
              </div>
              <HazardChart plot={outcome.plot} shown={visible} chosen={current} timeUnit={timeUnit} />
              <LogCumulativeHazardChart plot={outcome.plot} shown={visible} chosen={current} timeUnit={timeUnit} />
            </div>
          </section>
          {chosenFit && (
            <Card title={textWithFamily(t, chosenFit.distribution, 'survival.chosenFit')} testId="chosen-fit">
              <UseFitPanel
                fit={chosenFit}
                context={{ dataset: source!.name, n: outcome.analysis.summary.n, events: outcome.analysis.summary.events, candidates: fits.filter((f) => f.converged).length, timeUnit }}
              />
            </Card>
          )}
        </>
      )}
    </div>
  );
}

function ReconstructionCard({ check, notes, csv, name, timeLabel }: { check: ReconstructionCheck; notes: DescribableFileProblem[]; csv: string; name: string; timeLabel: string }) {
  const platform = usePlatform();
  const { t, fmt } = useLanguage();
  // Differences below one patient's step (1/n) are at the resolution of the data; more deserves a look.
  const patients = check.atRisk[0]?.published ?? 1;
  const tolerance = Math.max(0.02, 1 / patients);
  const good = check.maxDifference <= tolerance;
  return (
    <Card
      title={t('survival.rebuilt')}
      testId="reconstruction-card"
      actions={
        <button type="button" className="btn btn-sm" onClick={() => void platform.saveFile({ suggestedName: 'reconstructed-ipd.csv', content: csv, mimeType: 'text/csv', fileTypes: [{ name: 'CSV', extensions: ['csv'] }] })} data-testid="download-ipd">
          {t('survival.downloadIpd')}
        </button>
      }
    >
      <p data-testid="reconstruction-summary">
        {t(check.publishedEvents !== null ? 'survival.rebuiltSummaryPublished' : 'survival.rebuiltSummary', {
          patients,
          events: check.events,
          published: check.publishedEvents ?? '',
          name,
          points: check.points.length,
          difference: formatNumber(check.maxDifference, 3),
          time: formatEstimate(check.atTime),
          unit: timeLabel,
        })}
      </p>
      {!good && (
        <p className="notice notice-warning" data-testid="reconstruction-warning">
          {t('survival.rebuiltWarning', { patients })}
        </p>
      )}
      <table className="table at-risk-table">
        <caption className="table-caption">{t('survival.atRiskCaption')}</caption>
        <tbody>
          <tr>
            <th scope="row">{timeLabel}</th>
            {check.atRisk.map((a) => <td key={a.time} className="num">{formatEstimate(a.time)}</td>)}
          </tr>
          <tr>
            <th scope="row">{t('survival.published')}</th>
            {check.atRisk.map((a) => <td key={a.time} className="num">{a.published}</td>)}
          </tr>
          <tr>
            <th scope="row">{t('survival.rebuiltRow')}</th>
            {check.atRisk.map((a) => <td key={a.time} className="num">{a.reconstructed}</td>)}
          </tr>
        </tbody>
      </table>
      {notes.length > 0 && (
        <ul className="plain-list subtle">
          {notes.map((n) => <li key={n.message}>{describeFileProblem(n, t, fmt)}</li>)}
        </ul>
      )}
    </Card>
  );
}
