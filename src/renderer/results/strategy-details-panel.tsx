import type { StrategyBaseCase } from '../workers/engine-api';
import { formatNumber } from '../../report/format';
import { ownValue } from '../../engine/own-key';

// Extras of decision trees and partitioned survival models: expected outcome counts per 1,000 patients (true
// positives, tests done, adverse events…), time to treatment, restricted mean survival per curve, and warnings.

const countLabels: Record<string, string> = {
  truePositive: 'True positives',
  falsePositive: 'False positives',
  falseNegative: 'False negatives',
  trueNegative: 'True negatives',
  noResult: 'No result',
  missed: 'Condition missed (false negative or no result)',
};

/** "test_plasma_ngs" → "Tests done: plasma ngs"; known counters by name. */
export function countLabel(id: string): string {
  const known = ownValue(countLabels, id);
  if (known) return known;
  if (id.startsWith('test_')) return `Tests done: ${id.slice(5).replace(/_/g, ' ')}`;
  if (id.startsWith('ae_')) return `Adverse events: ${id.slice(3).replace(/_/g, ' ')}`;
  return id.replace(/_/g, ' ');
}

/** Counter ids across strategies, in first-seen order. */
export function countIds(strategies: readonly Pick<StrategyBaseCase, 'details'>[]): string[] {
  const ids: string[] = [];
  for (const s of strategies) for (const id of Object.keys(s.details?.outcomeCounts ?? {})) if (!ids.includes(id)) ids.push(id);
  return ids;
}

export function StrategyDetailsPanel({ strategies }: { strategies: readonly StrategyBaseCase[] }) {
  const ids = countIds(strategies);
  const hasTime = strategies.some((s) => s.details?.timeToTreatment);
  const warnings = strategies.flatMap((s) => (s.details?.warnings ?? []).map((w) => `${s.label}: ${w}`));
  if (ids.length === 0 && !hasTime && warnings.length === 0) return null;
  const unit = strategies.find((s) => s.details?.timeToTreatment)?.details?.timeToTreatment?.unit ?? 'day';
  return (
    <section className="card" aria-labelledby="details-title" data-testid="strategy-details">
      <div className="card-header">
        <h2 id="details-title">Diagnostic outcomes and time to treatment</h2>
        <span className="subtle">Expected per 1,000 patients tested</span>
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
                <th scope="row" className="row-head">{countLabel(id)}</th>
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
