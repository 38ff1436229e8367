import type { AccuracyMetaAnalysis } from '../../engine/accuracy/meta-analysis';
import { radiiBySize, rocToSvg, svgPath } from './accuracy-chart-data';
import type { PlotBox } from './accuracy-chart-data';
import { ChartDataTable, ChartFrame } from './chart-frame';
import { chartInk, seriesColor } from './palette';

// Summary ROC plot in ROC space (x = 1 − specificity, y = sensitivity): the studies as circles with area
// proportional to their size, the Rutter–Gatsonis SROC curve over the studies' range of false-positive rates, the
// summary point, and its 95% confidence and prediction regions. A square SVG scaled to its box (text scales with it).

const BOX: PlotBox = { width: 440, height: 420, left: 52, right: 14, top: 12, bottom: 48 };
const TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];
const STUDY = seriesColor(0);
const CURVE = seriesColor(1);
const REGION = seriesColor(3);

function pct(p: number): string {
  return `${(100 * p).toFixed(1)}%`;
}

export function SrocChart({ result, testId }: { result: AccuracyMetaAnalysis; testId?: string }) {
  const radii = radiiBySize(result.studies.map((s) => s.n));
  const summary = rocToSvg(BOX, result.summaryPoint);
  const plotW = BOX.width - BOX.left - BOX.right;
  const plotH = BOX.height - BOX.top - BOX.bottom;
  const description = `Sensitivity against 1 − specificity. Circles: studies (area ∝ n). Curve: ${result.sroc.parameters ? 'Rutter–Gatsonis SROC' : 'not drawn (a between-study variance is 0)'}; regions at ${Math.round(result.level * 100)}%.`;
  return (
    <ChartFrame
      title="Summary ROC plot"
      description={description}
      summary={`SROC plot of ${result.studies.length} studies; summary point sensitivity ${pct(result.sensitivity.estimate)}, specificity ${pct(result.specificity.estimate)}.`}
      height={null}
      testId={testId}
      legend={[
        { label: 'Studies', color: STUDY, mark: 'point' },
        ...(result.sroc.curve.length > 0 ? [{ label: 'SROC curve', color: CURVE, mark: 'line' as const }] : []),
        { label: 'Summary point', color: chartInk.text, mark: 'diamond' },
        { label: '95% confidence region', color: REGION, mark: 'dashed' },
        { label: '95% prediction region', color: REGION, mark: 'dotted' },
      ]}
      table={
        <ChartDataTable
          caption="Studies in ROC space"
          headers={['Study', 'n', 'Sensitivity', '1 − specificity']}
          rows={[
            ...result.studies.map((s) => [s.study, s.n, pct(s.sensitivity.estimate), pct(1 - s.specificity.estimate)]),
            ['Summary point', '', pct(result.summaryPoint.sensitivity), pct(result.summaryPoint.fpr)],
          ]}
        />
      }
    >
      <svg className="sroc-svg" viewBox={`0 0 ${BOX.width} ${BOX.height}`} preserveAspectRatio="xMinYMin meet" width="100%" aria-hidden="true">
        {TICKS.map((t) => {
          const x = BOX.left + t * plotW;
          const y = BOX.top + (1 - t) * plotH;
          return (
            <g key={t}>
              <line x1={x} x2={x} y1={BOX.top} y2={BOX.top + plotH} stroke={chartInk.grid} />
              <line x1={BOX.left} x2={BOX.left + plotW} y1={y} y2={y} stroke={chartInk.grid} />
              <text x={x} y={BOX.top + plotH + 16} textAnchor="middle" fontSize="11" fill={chartInk.axis}>{t.toFixed(1)}</text>
              <text x={BOX.left - 6} y={y + 4} textAnchor="end" fontSize="11" fill={chartInk.axis}>{t.toFixed(1)}</text>
            </g>
          );
        })}
        <rect x={BOX.left} y={BOX.top} width={plotW} height={plotH} fill="none" stroke={chartInk.axis} />
        <line x1={BOX.left} y1={BOX.top + plotH} x2={BOX.left + plotW} y2={BOX.top} stroke={chartInk.reference} strokeDasharray="2 4" />
        <text x={BOX.left + plotW / 2} y={BOX.height - 8} textAnchor="middle" fontSize="12" fill={chartInk.axis}>1 − specificity (false-positive rate)</text>
        <text transform={`translate(14 ${BOX.top + plotH / 2}) rotate(-90)`} textAnchor="middle" fontSize="12" fill={chartInk.axis}>Sensitivity</text>
        {result.predictionRegion && <path d={svgPath(BOX, result.predictionRegion, true)} fill="none" stroke={REGION} strokeWidth="1.4" strokeDasharray="1.5 3" strokeLinecap="round" data-testid="sroc-prediction" />}
        {result.studies.map((s, i) => {
          const { x, y } = rocToSvg(BOX, { fpr: 1 - s.specificity.estimate, sensitivity: s.sensitivity.estimate });
          return <circle key={i} cx={x} cy={y} r={radii[i]} fill={STUDY} fillOpacity="0.18" stroke={STUDY} strokeWidth="1.2" />;
        })}
        {result.sroc.curve.length > 0 && <path d={svgPath(BOX, result.sroc.curve)} fill="none" stroke={CURVE} strokeWidth="2.2" data-testid="sroc-curve" />}
        {result.confidenceRegion && <path d={svgPath(BOX, result.confidenceRegion, true)} fill="none" stroke={REGION} strokeWidth="1.6" strokeDasharray="6 3" data-testid="sroc-confidence" />}
        <path d={`M${summary.x} ${summary.y - 7} l7 7 l-7 7 l-7 -7 z`} fill={chartInk.text} stroke="#fff" strokeWidth="1" data-testid="sroc-summary" />
      </svg>
    </ChartFrame>
  );
}
