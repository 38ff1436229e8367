import type { ProportionEstimate } from '../../engine/accuracy/two-by-two';
import { axisPercent } from '../../report/charts/accuracy-chart-data';
import { ChartDataTable } from './chart-frame';
import { ScrollRegion } from '../ui/scroll-region';
import { chartInk, seriesColor } from './palette';
import { useLanguage } from '../i18n/language';
import type { Translate } from '../../report/i18n/translate';
import './charts.css';

// Paired forest plots of sensitivity and specificity, as in Cochrane DTA reviews: each study's estimate with its
// 95% interval and the pooled estimate as a diamond. Drawn as rows of small SVGs whose x coordinates are
// percentages, so the plot stretches with the page without distorting markers or text. Wide: one grid, the two
// measures side by side after one study column; narrow (a CSS container query): one panel per measure, stacked.

export interface ForestStudy {
  label: string;
  tp: number;
  fn: number;
  tn: number;
  fp: number;
  sensitivity: ProportionEstimate;
  specificity: ProportionEstimate;
}

export interface ForestPlotProps {
  studies: readonly ForestStudy[];
  pooled: { sensitivity: ProportionEstimate; specificity: ProportionEstimate } | null;
  /** e.g. "exact (Clopper–Pearson)". */
  intervalLabel: string;
  pooledLabel: string;
  testId?: string;
}

const TICKS = [0, 0.25, 0.5, 0.75, 1];
const LABELLED = new Set([0, 0.5, 1]);

function percent(p: number, digits = 1): string {
  return (100 * p).toFixed(digits);
}

function withInterval(p: ProportionEstimate): string {
  return `${percent(p.estimate)} (${percent(p.lower)}–${percent(p.upper)})`;
}

function Gridlines() {
  return (
    <>
      {TICKS.map((t) => (
        <line key={t} x1={`${axisPercent(t)}%`} x2={`${axisPercent(t)}%`} y1="0" y2="100%" stroke={chartInk.grid} strokeWidth="1" />
      ))}
    </>
  );
}

function IntervalMark({ p, color }: { p: ProportionEstimate; color: string }) {
  const x = `${axisPercent(p.estimate)}%`;
  return (
    <svg className="forest-mark" width="100%" height="22" aria-hidden="true">
      <Gridlines />
      <line x1={`${axisPercent(p.lower)}%`} x2={`${axisPercent(p.upper)}%`} y1="11" y2="11" stroke={color} strokeWidth="1.6" />
      <svg x={x} y="11" overflow="visible">
        <rect x="-3.5" y="-3.5" width="7" height="7" fill={color} />
      </svg>
    </svg>
  );
}

function DiamondMark({ p }: { p: ProportionEstimate }) {
  const left = axisPercent(p.lower);
  const width = Math.max(axisPercent(p.upper) - left, 0.5);
  const centre = ((axisPercent(p.estimate) - left) / width) * 100;
  return (
    <svg className="forest-mark" width="100%" height="22" aria-hidden="true">
      <Gridlines />
      <svg x={`${left}%`} y="3" width={`${width}%`} height="16" viewBox="0 0 100 16" preserveAspectRatio="none">
        <polygon points={`0,8 ${centre},0 100,8 ${centre},16`} fill={chartInk.text} />
      </svg>
    </svg>
  );
}

function Axis({ label }: { label: string }) {
  return (
    <svg className="forest-axis" width="100%" height="34" aria-hidden="true">
      <line x1="0" x2="100%" y1="1" y2="1" stroke={chartInk.axis} />
      {TICKS.map((t) => (
        <g key={t}>
          <line x1={`${axisPercent(t)}%`} x2={`${axisPercent(t)}%`} y1="1" y2="5" stroke={chartInk.axis} />
          {LABELLED.has(t) && (
            <text x={`${axisPercent(t)}%`} y="16" textAnchor={t === 0 ? 'start' : t === 1 ? 'end' : 'middle'} fontSize="11" fill={chartInk.axis}>{t === 0.5 ? '0.5' : String(t)}</text>
          )}
        </g>
      ))}
      <text x="50%" y="31" textAnchor="middle" fontSize="11.5" fill={chartInk.axis}>{label}</text>
    </svg>
  );
}

type Which = 'sensitivity' | 'specificity';
const WHICH: readonly Which[] = ['sensitivity', 'specificity'];
const colorOf = (w: Which) => seriesColor(w === 'sensitivity' ? 0 : 1);
const titleOf = (w: Which, t: Translate) => t(w === 'sensitivity' ? 'accuracy.plot.sensitivity' : 'accuracy.plot.specificity');

/** Both measures in one grid with one study column (wide containers). */
function CombinedGrid({ props }: { props: ForestPlotProps }) {
  const { t } = useLanguage();
  return (
    <div className="forest-combined" data-testid="forest-combined">
      <div className="forest-row forest-head">
        <span className="forest-label">{t('accuracy.study')}</span>
        <span className="num">{t('accuracy.tp')}</span>
        <span className="num">{t('accuracy.fn')}</span>
        <span className="num">{t('accuracy.tn')}</span>
        <span className="num">{t('accuracy.fp')}</span>
        {WHICH.map((w) => (
          <span key={w} className="forest-pair-head">
            <span className="num">{t('accuracy.plot.withCi', { measure: titleOf(w, t) })}</span>
            <span className="forest-plot-head">{titleOf(w, t)}</span>
          </span>
        ))}
      </div>
      {props.studies.map((s, i) => (
        <div className="forest-row" key={i}>
          <span className="forest-label" title={s.label}>{s.label}</span>
          <span className="num">{s.tp}</span>
          <span className="num">{s.fn}</span>
          <span className="num">{s.tn}</span>
          <span className="num">{s.fp}</span>
          {WHICH.map((w) => (
            <span key={w} className="forest-pair">
              <span className="num">{withInterval(s[w])}</span>
              <IntervalMark p={s[w]} color={colorOf(w)} />
            </span>
          ))}
        </div>
      ))}
      {props.pooled && (
        <div className="forest-row forest-pooled">
          <span className="forest-label">{props.pooledLabel}</span>
          <span />
          <span />
          <span />
          <span />
          {WHICH.map((w) => (
            <span key={w} className="forest-pair">
              <span className="num">{withInterval(props.pooled![w])}</span>
              <DiamondMark p={props.pooled![w]} />
            </span>
          ))}
        </div>
      )}
      <div className="forest-row forest-axis-row">
        <span />
        <span />
        <span />
        <span />
        <span />
        {WHICH.map((w) => (
          <span key={w} className="forest-pair">
            <span />
            <Axis label={titleOf(w, t)} />
          </span>
        ))}
      </div>
    </div>
  );
}

/** One measure per panel, the panels stacked (narrow containers). */
function Panel({ which, props }: { which: Which; props: ForestPlotProps }) {
  const { t } = useLanguage();
  const isSens = which === 'sensitivity';
  const counts = isSens ? [t('accuracy.tp'), t('accuracy.fn')] : [t('accuracy.tn'), t('accuracy.fp')];
  return (
    <div className="forest-panel" data-testid={`forest-${which}`}>
      <div className="forest-row forest-head">
        <span className="forest-label">{t('accuracy.study')}</span>
        <span className="num">{counts[0]}</span>
        <span className="num">{counts[1]}</span>
        <span className="num">{t('accuracy.plot.withCi', { measure: titleOf(which, t) })}</span>
        <span className="forest-plot-head">{titleOf(which, t)}</span>
      </div>
      {props.studies.map((s, i) => (
        <div className="forest-row" key={i}>
          <span className="forest-label" title={s.label}>{s.label}</span>
          <span className="num">{isSens ? s.tp : s.tn}</span>
          <span className="num">{isSens ? s.fn : s.fp}</span>
          <span className="num">{withInterval(s[which])}</span>
          <IntervalMark p={s[which]} color={colorOf(which)} />
        </div>
      ))}
      {props.pooled && (
        <div className="forest-row forest-pooled">
          <span className="forest-label">{props.pooledLabel}</span>
          <span />
          <span />
          <span className="num">{withInterval(props.pooled[which])}</span>
          <DiamondMark p={props.pooled[which]} />
        </div>
      )}
      <div className="forest-row forest-axis-row">
        <span />
        <span />
        <span />
        <span />
        <Axis label={titleOf(which, t)} />
      </div>
    </div>
  );
}

export function ForestPlot(props: ForestPlotProps) {
  const { studies, pooled } = props;
  const { t } = useLanguage();
  const summary = pooled
    ? t('accuracy.plot.forestSummaryPooled', { n: studies.length, sensitivity: withInterval(pooled.sensitivity), specificity: withInterval(pooled.specificity) })
    : t('accuracy.plot.forestSummary', { n: studies.length });
  return (
    <figure className="chart forest" data-testid={props.testId}>
      <figcaption className="chart-caption">
        <h3>{t('accuracy.plot.forestTitle')}</h3>
        <p className="subtle">{t('accuracy.plot.forestNote', { interval: props.intervalLabel })}</p>
      </figcaption>
      <div className="forest-drawing" role="img" aria-label={summary}>
        <CombinedGrid props={props} />
        <div className="forest-stacked">
          <Panel which="sensitivity" props={props} />
          <Panel which="specificity" props={props} />
        </div>
      </div>
      <details className="chart-data">
        <summary>{t('charts.dataTable')}</summary>
        {/* A long table scrolls in its box: then it is a labelled region a keyboard user can scroll. */}
        <ScrollRegion className="chart-data-body" label={t('charts.dataTableOf', { title: t('accuracy.plot.forestTitle') })} vertical>
          <ChartDataTable
            caption={t('accuracy.plot.forestTitle')}
            headers={[t('accuracy.study'), t('accuracy.tp'), t('accuracy.fn'), t('accuracy.tn'), t('accuracy.fp'), t('accuracy.plot.withCi', { measure: titleOf('sensitivity', t) }), t('accuracy.plot.withCi', { measure: titleOf('specificity', t) })]}
            rows={[
              ...studies.map((s) => [s.label, s.tp, s.fn, s.tn, s.fp, withInterval(s.sensitivity), withInterval(s.specificity)]),
              ...(pooled ? [[props.pooledLabel, '', '', '', '', withInterval(pooled.sensitivity), withInterval(pooled.specificity)]] : []),
            ]}
          />
        </ScrollRegion>
      </details>
    </figure>
  );
}
