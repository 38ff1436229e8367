import { quadasDomains, quadasRatingLabels, quadasRatings } from '../../dossier/schema';
import type { Quadas, QuadasRating } from '../../dossier/schema';
import { quadasBarOrder, quadasBars, quadasColors, quadasSymbols } from '../../report/charts/accuracy-chart-data';
import { ChartDataTable, ChartFrame } from './chart-frame';

// QUADAS-2 summaries as in Cochrane DTA reviews: the traffic-light table (one row per study, a coloured mark with a
// symbol per domain, so colour is never the only cue) and the stacked bars (share of studies at low, high and
// unclear risk per domain).


function Light({ rating }: { rating: QuadasRating }) {
  return (
    <span className={`quadas-light quadas-${rating}`} title={quadasRatingLabels[rating]}>
      <span aria-hidden="true">{quadasSymbols[rating]}</span>
      <span className="visually-hidden">{quadasRatingLabels[rating]}</span>
    </span>
  );
}

const applicabilityDomains = quadasDomains.filter((d) => d.key !== 'flowAndTiming');

export function QuadasTrafficLights({ studies, testId }: { studies: readonly { label: string; quadas: Quadas }[]; testId?: string }) {
  return (
    <div className="table-wrap quadas-table-wrap" data-testid={testId}>
      <table className="table quadas-table">
        <caption className="visually-hidden">QUADAS-2 judgements per study</caption>
        <thead>
          <tr>
            <th rowSpan={2} scope="col">Study</th>
            <th colSpan={4} scope="colgroup" className="quadas-group">Risk of bias</th>
            <th colSpan={3} scope="colgroup" className="quadas-group">Applicability concerns</th>
          </tr>
          <tr>
            {quadasDomains.map((d) => <th key={`rob-${d.key}`} scope="col" className="quadas-cell">{d.label}</th>)}
            {applicabilityDomains.map((d) => <th key={`app-${d.key}`} scope="col" className="quadas-cell">{d.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {studies.map((s, i) => (
            <tr key={i}>
              <th scope="row" className="quadas-study" title={s.label}>{s.label}</th>
              {quadasDomains.map((d) => <td key={d.key} className="quadas-cell"><Light rating={s.quadas.riskOfBias[d.key]} /></td>)}
              {applicabilityDomains.map((d) => <td key={d.key} className="quadas-cell"><Light rating={s.quadas.applicability[d.key]} /></td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="subtle quadas-key">
        {quadasRatings.map((r) => (
          <span key={r} className="quadas-key-item"><Light rating={r} /> {r === 'high' ? 'High' : r === 'low' ? 'Low' : 'Unclear'}</span>
        ))}
      </p>
    </div>
  );
}

export function QuadasBars({ studies, testId }: { studies: readonly { quadas: Quadas }[]; testId?: string }) {
  const bars = quadasBars(studies.map((s) => s.quadas));
  const order = quadasBarOrder;
  const section = (part: 'riskOfBias' | 'applicability', title: string) => (
    <div className="quadas-bars-part">
      <h4>{title}</h4>
      {bars.filter((b) => b.part === part).map((b) => (
        <div className="quadas-bar-row" key={b.domain}>
          <span className="quadas-bar-label">{b.label}</span>
          <span className="quadas-bar">
            {order.map((r) =>
              b.shares[r] > 0 ? (
                <span key={r} className="quadas-bar-seg" style={{ width: `${b.shares[r] * 100}%`, background: quadasColors[r] }} title={`${quadasRatingLabels[r]}: ${b.counts[r]} of ${studies.length}`}>
                  {b.shares[r] >= 0.12 ? `${Math.round(b.shares[r] * 100)}%` : ''}
                </span>
              ) : null,
            )}
          </span>
        </div>
      ))}
    </div>
  );
  return (
    <ChartFrame
      title="QUADAS-2 summary"
      description={`Share of the ${studies.length} studies judged at low, high or unclear risk of bias and concern about applicability, per domain.`}
      summary={bars.map((b) => `${b.part === 'riskOfBias' ? 'Risk of bias' : 'Applicability'}, ${b.label}: ${b.counts.low} low, ${b.counts.high} high, ${b.counts.unclear} unclear`).join('; ')}
      height={null}
      testId={testId}
      legend={order.map((r) => ({ label: quadasRatingLabels[r], color: quadasColors[r], mark: 'bar' as const }))}
      table={
        <ChartDataTable
          caption="QUADAS-2 summary"
          headers={['Domain', 'Low', 'High', 'Unclear']}
          rows={bars.map((b) => [`${b.part === 'riskOfBias' ? 'Risk of bias' : 'Applicability'}: ${b.label}`, b.counts.low, b.counts.high, b.counts.unclear])}
        />
      }
    >
      <div className="quadas-bars">
        {section('riskOfBias', 'Risk of bias')}
        {section('applicability', 'Applicability concerns')}
        <div className="quadas-bar-row quadas-bar-axis" aria-hidden="true">
          <span />
          <span className="quadas-axis">{[0, 25, 50, 75, 100].map((t) => <span key={t} style={{ left: `${t}%` }}>{t}%</span>)}</span>
        </div>
      </div>
    </ChartFrame>
  );
}
