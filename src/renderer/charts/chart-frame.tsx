import { useId } from 'react';
import type { ReactNode } from 'react';
import './charts.css';

// Every chart sits in a figure with a visible title, a one-line description, a text summary for screen readers
// (the drawing itself is one labelled image) and the numbers behind it in a "Data table" disclosure.

export interface ChartFrameProps {
  title: string;
  description?: ReactNode;
  /** What the chart shows, in words (aria-label of the drawing). */
  summary: string;
  height?: number;
  /** The recharts chart (inside a ResponsiveContainer). */
  children: ReactNode;
  /** The data as a table. */
  table: ReactNode;
  testId?: string;
  note?: ReactNode;
}

export function ChartFrame({ title, description, summary, height = 320, children, table, testId, note }: ChartFrameProps) {
  const titleId = useId();
  return (
    <figure className="chart" aria-labelledby={titleId} data-testid={testId}>
      <figcaption className="chart-caption">
        <h3 id={titleId}>{title}</h3>
        {description && <p className="subtle">{description}</p>}
      </figcaption>
      <div className="chart-canvas" role="img" aria-label={summary} style={{ height }}>
        {children}
      </div>
      {note && <p className="chart-note subtle">{note}</p>}
      <details className="chart-data">
        <summary>Data table</summary>
        <div className="chart-data-body">{table}</div>
      </details>
    </figure>
  );
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
