import { useEffect, useId, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { ReactNode } from 'react';
import type { DataTable } from '../../report/data-table';
import { THRESHOLD_DASHES } from '../../report/charts/threshold-dashes';
import { mimeTypes, useExports } from '../exports/export-context';
import { ExportMenu } from '../exports/export-menu';
import { standaloneChartSvg, svgToPng } from './chart-export';
import { ScrollRegion } from '../ui/scroll-region';
import './charts.css';
import { useLanguage } from '../i18n/language';

// Every chart sits in a figure with a visible title, a one-line description, a text summary for screen readers
// (the drawing itself is one labelled image), the numbers behind it in a "Data table" disclosure and, on a model
// screen, an Export menu: the chart as SVG or PNG and its data (full precision) as CSV.

export interface ChartFrameProps {
  title: string;
  description?: ReactNode;
  /** What the chart shows, in words (aria-label of the drawing). */
  summary: string;
  /** Pixel height of the drawing (recharts needs one); null: as tall as its content (an SVG with a viewBox). */
  height?: number | null;
  /** The recharts chart (inside a ResponsiveContainer). */
  children: ReactNode;
  /** The data as a table. */
  table: ReactNode;
  testId?: string;
  note?: ReactNode;
  /** Series keys drawn as HTML above the drawing (wraps cleanly with long strategy names). */
  legend?: readonly LegendItem[];
  /** The numbers drawn, in full precision, for the CSV export. */
  data?: DataTable;
  /** False: nothing worth drawing (e.g. every bar zero): the note stands alone, the table and CSV stay. */
  drawn?: boolean;
}

export interface LegendItem {
  label: string;
  color: string;
  mark: 'line' | 'dashed' | 'dotted' | 'dashdot' | 'longdash' | 'dashdotdot' | 'longshort' | 'point' | 'diamond' | 'bar';
}

export function ChartFrame({ title, description, summary, height = 320, children, table, testId, note, legend, data, drawn = true }: ChartFrameProps) {
  const { t } = useLanguage();
  const titleId = useId();
  const figure = useRef<HTMLElement>(null);
  const exports = useExports();
  const picture = () => standaloneChartSvg(figure.current!, title, legend ?? []);
  return (
    <figure className="chart" aria-labelledby={titleId} data-testid={testId} ref={figure}>
      <figcaption className="chart-caption">
        <div className="chart-caption-text">
          <h3 id={titleId}>{title}</h3>
          {description && <p className="subtle">{description}</p>}
        </div>
        {exports && (
          <ExportMenu
            label={t('charts.exportChart', { title })}
            testId={testId ? `${testId}-export` : undefined}
            choices={[
              ...(drawn ? [
              { label: t('charts.svg'), testId: testId ? `${testId}-svg` : undefined, onSelect: () => exports.save(exports.fileName(title, 'svg'), () => picture().svg, mimeTypes.svg) },
              {
                label: t('charts.png'),
                testId: testId ? `${testId}-png` : undefined,
                onSelect: () => exports.save(exports.fileName(title, 'png'), () => svgToPng(picture()), mimeTypes.png),
              },
              ] : []),
              ...(data ? [{ label: t('charts.csv'), testId: testId ? `${testId}-csv` : undefined, onSelect: () => exports.exportCsv(data, title) }] : []),
            ]}
          />
        )}
      </figcaption>
      {drawn && legend && legend.length > 0 && (
        <ul className="chart-legend" aria-hidden="true">
          {legend.map((item) => (
            <li key={item.label}>
              <svg width="18" height="10" viewBox="0 0 18 10" className="legend-mark">{legendMark(item)}</svg>
              {item.label}
            </li>
          ))}
        </ul>
      )}
      {drawn && <ChartCanvas summary={summary} height={height}>{children}</ChartCanvas>}
      {note && <p className="chart-note subtle">{note}</p>}
      <details className="chart-data">
        <summary>{t('charts.dataTable')}</summary>
        {/* Long tables scroll in their box: then it is a labelled region a keyboard user can scroll. */}
        <ScrollRegion className="chart-data-body" label={t('charts.dataTableOf', { title })} vertical>{table}</ScrollRegion>
      </details>
    </figure>
  );
}

/** The drawing, drawn once it has a width (its own component: it may mount after the frame, when `drawn` turns true). */
function ChartCanvas({ summary, height, children }: { summary: string; height: number | null; children: ReactNode }) {
  const canvas = useRef<HTMLDivElement>(null);
  const shown = useHasWidth(canvas);
  return (
    <div className="chart-canvas" role="img" aria-label={summary} style={height === null ? undefined : { height }} ref={canvas}>
      {shown && children}
    </div>
  );
}

/**
 * Whether the element has a width: false while it sits on a hidden tab or in a closed disclosure, so the chart is
 * not drawn there (recharts warns about, and draws nothing at, width 0) and is drawn when it becomes visible.
 * Without ResizeObserver (jsdom) it is always true.
 */
function useHasWidth(element: RefObject<HTMLElement | null>): boolean {
  const [hasWidth, setHasWidth] = useState(() => typeof ResizeObserver === 'undefined');
  useEffect(() => {
    const node = element.current;
    if (!node || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => setHasWidth((entries[0]?.contentRect.width ?? 0) > 0));
    observer.observe(node);
    return () => observer.disconnect();
  }, [element]);
  return hasWidth;
}

/** A simple data table for ChartFrame: header row and rows of cells (numbers right-aligned by the caller's class). */
export function ChartDataTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: (string | number)[][] }) {
  return (
    <table className="table chart-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>{headers.map((h, i) => <th key={i} scope="col" className={i > 0 ? 'num' : undefined}>{h}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>{row.map((cell, c) => (c === 0 ? <th key={c} scope="row">{cell}</th> : <td key={c} className="num">{cell}</td>))}</tr>
        ))}
      </tbody>
    </table>
  );
}

/** The legend's short pattern of a threshold line's dashes. */
export function legendDash(mark: LegendItem['mark']): string | undefined {
  return THRESHOLD_DASHES.find((d) => d.name === mark)?.legend;
}

function legendMark({ color, mark }: LegendItem) {
  switch (mark) {
    case 'line':
      return <line x1="0" y1="5" x2="18" y2="5" stroke={color} strokeWidth="2.5" />;
    case 'dashed':
      return <line x1="0" y1="5" x2="18" y2="5" stroke={color} strokeWidth="2" strokeDasharray="5 3" />;
    case 'dotted':
      return <line x1="1" y1="5" x2="17" y2="5" stroke={color} strokeWidth="2" strokeDasharray="1.5 3" strokeLinecap="round" />;
    case 'dashdot':
    case 'longdash':
    case 'dashdotdot':
    case 'longshort':
      return <line x1="0" y1="5" x2="18" y2="5" stroke={color} strokeWidth="1.5" strokeDasharray={legendDash(mark)} />;
    case 'point':
      return <circle cx="9" cy="5" r="4.5" fill={color} />;
    case 'diamond':
      return <path d="M9 0l5 5-5 5-5-5z" fill={color} />;
    case 'bar':
      return <rect x="3" y="0" width="12" height="10" fill={color} />;
  }
}
