import type { AccuracyMetaAnalysis } from '../../engine/accuracy/meta-analysis';
import { srocDescription, srocGeometry } from '../../report/charts/accuracy-chart-data';
import type { PlotBox } from '../../report/charts/accuracy-chart-data';
import { ChartDataTable, ChartFrame } from './chart-frame';
import { chartInk, seriesColor } from './palette';
import { useLanguage } from '../i18n/language';

// Summary ROC plot in ROC space (x = 1 − specificity, y = sensitivity): the studies as circles with area
// proportional to their size, the Rutter–Gatsonis SROC curve over the studies' range of false-positive rates, the
// summary point, and its 95% confidence and prediction regions. A square SVG scaled to its box (text scales with it).

const BOX: PlotBox = { width: 440, height: 420, left: 52, right: 14, top: 12, bottom: 48 };
const STUDY = seriesColor(0);
const CURVE = seriesColor(1);
const REGION = seriesColor(3);

function pct(p: number): string {
  return `${(100 * p).toFixed(1)}%`;
}

export function SrocChart({ result, testId }: { result: AccuracyMetaAnalysis; testId?: string }) {
  const g = srocGeometry(result, BOX);
  const { plot } = g;
  const { t } = useLanguage();
  const description = srocDescription(result, t);
  return (
    <ChartFrame
      title={t('accuracy.plot.srocTitle')}
      description={description}
      summary={t('accuracy.plot.srocSummary', { n: result.studies.length, sensitivity: pct(result.sensitivity.estimate), specificity: pct(result.specificity.estimate) })}
      height={null}
      testId={testId}
      legend={[
        { label: t('accuracy.plot.studies'), color: STUDY, mark: 'point' },
        ...(result.sroc.curve.length > 0 ? [{ label: t('accuracy.plot.srocCurve'), color: CURVE, mark: 'line' as const }] : []),
        { label: t('accuracy.plot.summaryPoint'), color: chartInk.text, mark: 'diamond' },
        { label: t('accuracy.plot.confidenceRegion'), color: REGION, mark: 'dashed' },
        { label: t('accuracy.plot.predictionRegion'), color: REGION, mark: 'dotted' },
      ]}
      table={
        <ChartDataTable
          caption={t('accuracy.plot.rocSpace')}
          headers={[t('accuracy.study'), 'n', t('accuracy.plot.sensitivity'), t('accuracy.plot.oneMinusSpecificity')]}
          rows={[
            ...result.studies.map((s) => [s.study, s.n, pct(s.sensitivity.estimate), pct(1 - s.specificity.estimate)]),
            [t('accuracy.plot.summaryPoint'), '', pct(result.summaryPoint.sensitivity), pct(result.summaryPoint.fpr)],
          ]}
        />
      }
    >
      <svg className="sroc-svg" viewBox={`0 0 ${BOX.width} ${BOX.height}`} preserveAspectRatio="xMinYMin meet" width="100%" aria-hidden="true">
        {g.ticks.map((t) => (
          <g key={t.value}>
            <line x1={t.x} x2={t.x} y1={plot.y} y2={plot.y + plot.height} stroke={chartInk.grid} />
            <line x1={plot.x} x2={plot.x + plot.width} y1={t.y} y2={t.y} stroke={chartInk.grid} />
            <text x={t.x} y={plot.y + plot.height + 16} textAnchor="middle" fontSize="11" fill={chartInk.axis}>{t.value.toFixed(1)}</text>
            <text x={plot.x - 6} y={t.y + 4} textAnchor="end" fontSize="11" fill={chartInk.axis}>{t.value.toFixed(1)}</text>
          </g>
        ))}
        <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} fill="none" stroke={chartInk.axis} />
        <line x1={g.chance.x1} y1={g.chance.y1} x2={g.chance.x2} y2={g.chance.y2} stroke={chartInk.reference} strokeDasharray="2 4" />
        <text x={plot.x + plot.width / 2} y={BOX.height - 8} textAnchor="middle" fontSize="12" fill={chartInk.axis}>{t('accuracy.plot.fprAxis')}</text>
        <text transform={`translate(14 ${plot.y + plot.height / 2}) rotate(-90)`} textAnchor="middle" fontSize="12" fill={chartInk.axis}>{t('accuracy.plot.sensitivity')}</text>
        {g.prediction && <path d={g.prediction} fill="none" stroke={REGION} strokeWidth="1.4" strokeDasharray="1.5 3" strokeLinecap="round" data-testid="sroc-prediction" />}
        {g.studies.map((p, i) => <circle key={i} cx={p.x} cy={p.y} r={p.r} fill={STUDY} fillOpacity="0.18" stroke={STUDY} strokeWidth="1.2" />)}
        {g.curve && <path d={g.curve} fill="none" stroke={CURVE} strokeWidth="2.2" data-testid="sroc-curve" />}
        {g.confidence && <path d={g.confidence} fill="none" stroke={REGION} strokeWidth="1.6" strokeDasharray="6 3" data-testid="sroc-confidence" />}
        <path d={`M${g.summary.x} ${g.summary.y - 7} l7 7 l-7 7 l-7 -7 z`} fill={chartInk.text} stroke="#fff" strokeWidth="1" data-testid="sroc-summary" />
      </svg>
    </ChartFrame>
  );
}
