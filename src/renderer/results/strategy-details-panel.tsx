import { describeWarnings } from '../../report/engine-problems';
import { Fragment } from 'react';
import type { BaseCaseResult } from '../../engine/analysis/base-case';
import { TableExport } from '../exports/export-menu';
import { formatNumber } from '../settings/display-format';
import { groupedOutcomeCounts, outcomeCountIds, outcomeCountText, outcomeCountsTable, outcomeGroupKeys } from '../../report/results-tables';
import { useLanguage } from '../i18n/language';
import './analyses.css';
import type { MessageKey } from '../../report/i18n/translate';
import { ScrollRegion } from '../ui/scroll-region';

const timeKeys: Record<string, MessageKey> = {
  day: 'analysis.timeToTreatmentDays',
  week: 'analysis.timeToTreatmentWeeks',
  month: 'analysis.timeToTreatmentMonths',
  year: 'analysis.timeToTreatmentYears',
  cycle: 'analysis.timeToTreatmentCycles',
};

// Extras of decision trees and partitioned survival models: expected outcome counts per 1,000 patients (true
// positives, tests done, adverse events…), time to treatment, restricted mean survival per curve, and warnings.

export function StrategyDetailsPanel({ result }: { result: BaseCaseResult }) {
  const { t, fmt } = useLanguage();
  const strategies = result.strategies;
  const ids = outcomeCountIds(strategies);
  const hasTime = strategies.some((s) => s.details?.timeToTreatment);
  const warnings = strategies.flatMap((s) => describeWarnings(s.details?.warnings ?? [], s.details?.warningDetails, t, fmt).map((w) => `${s.label}: ${w}`));
  const hasTable = ids.length > 0 || hasTime;
  if (!hasTable && warnings.length === 0) return null;
  const unit = strategies.find((s) => s.details?.timeToTreatment)?.details?.timeToTreatment?.unit ?? 'day';
  return (
    <section className="card" aria-labelledby="details-title" data-testid="strategy-details">
      <div className="card-header">
        <h2 id="details-title">{t('analysis.detailsTitle')}</h2>
        {hasTable && <span className="subtle">{t('analysis.detailsPer1000')}</span>}
        {/* A partitioned survival model with only warnings has no outcome table (and nothing to export). */}
        {hasTable && <TableExport table={() => outcomeCountsTable(result)!} testId="export-outcomes" />}
      </div>
      {hasTable && (
        /* Focusable: with many strategies the table scrolls sideways, and keyboard users must be able to scroll it. */
      <ScrollRegion className="card-body flush" labelledBy="details-title">
        <table className="table table-wrap-head" data-testid="outcome-table">
          <thead>
            <tr>
              <th scope="col">{t('analysis.outcome')}</th>
              {strategies.map((s) => <th key={s.id} scope="col" className="num">{s.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {groupedOutcomeCounts(ids).map((g) => (
              <Fragment key={g.group}>
                <tr className="group-row">
                  <th scope="colgroup" colSpan={strategies.length + 1}>{t(outcomeGroupKeys[g.group])}</th>
                </tr>
                {g.ids.map((id) => (
                  <tr key={id} data-testid="outcome-row" data-outcome={id}>
                    <th scope="row" className="row-head row-head-indented">{outcomeCountText(id, t)}</th>
                    {strategies.map((s) => <td key={s.id} className="num">{formatNumber((s.details?.outcomeCounts?.[id] ?? Number.NaN) * 1000, 1)}</td>)}
                  </tr>
                ))}
              </Fragment>
            ))}
            {hasTime && (
              <tr>
                <th scope="row" className="row-head">{t(timeKeys[unit] ?? 'analysis.timeToTreatment', { unit })}</th>
                {strategies.map((s) => <td key={s.id} className="num">{formatNumber(s.details?.timeToTreatment?.mean, 1)}</td>)}
              </tr>
            )}
          </tbody>
        </table>
      </ScrollRegion>
      )}
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
