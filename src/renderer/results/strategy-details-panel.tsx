import type { BaseCaseResult } from '../../engine/analysis/base-case';
import { TableExport } from '../exports/export-menu';
import { formatNumber } from '../../report/format';
import { outcomeCountIds, outcomeCountLabel, outcomeCountsTable } from '../../report/results-tables';

// Extras of decision trees and partitioned survival models: expected outcome counts per 1,000 patients (true
// positives, tests done, adverse events…), time to treatment, restricted mean survival per curve, and warnings.

export function StrategyDetailsPanel({ result }: { result: BaseCaseResult }) {
  const strategies = result.strategies;
  const ids = outcomeCountIds(strategies);
  const hasTime = strategies.some((s) => s.details?.timeToTreatment);
  const warnings = strategies.flatMap((s) => (s.details?.warnings ?? []).map((w) => `${s.label}: ${w}`));
  if (ids.length === 0 && !hasTime && warnings.length === 0) return null;
  const unit = strategies.find((s) => s.details?.timeToTreatment)?.details?.timeToTreatment?.unit ?? 'day';
  return (
    <section className="card" aria-labelledby="details-title" data-testid="strategy-details">
      <div className="card-header">
        <h2 id="details-title">Diagnostic outcomes and time to treatment</h2>
        <span className="subtle">Expected per 1,000 patients tested</span>
        <TableExport table={() => outcomeCountsTable(result)!} testId="export-outcomes" />
      </div>
      <div className="card-body flush table-wrap">
        <table className="table" data-testid="outcome-table">
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              {strategies.map((s) => <th key={s.id} scope="col" className="num">{s.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => (
              <tr key={id}>
                <th scope="row" className="row-head">{outcomeCountLabel(id)}</th>
                {strategies.map((s) => <td key={s.id} className="num">{formatNumber((s.details?.outcomeCounts?.[id] ?? Number.NaN) * 1000, 1)}</td>)}
              </tr>
            ))}
            {hasTime && (
              <tr>
                <th scope="row" className="row-head">Mean time to treatment ({unit}s)</th>
                {strategies.map((s) => <td key={s.id} className="num">{formatNumber(s.details?.timeToTreatment?.mean, 1)}</td>)}
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {warnings.length > 0 && (
        <div className="card-body">
          <div className="notice notice-warning" data-testid="model-warnings">
            <ul className="plain-list">{warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
          </div>
        </div>
      )}
    </section>
  );
}
