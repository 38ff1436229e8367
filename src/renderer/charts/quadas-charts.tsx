import { quadasDomains, quadasRatings } from '../../dossier/schema';
import { useLanguage } from '../i18n/language';
import type { Quadas, QuadasRating } from '../../dossier/schema';
import { quadasBarOrder, quadasBars, quadasColors, quadasSymbols } from '../../report/charts/accuracy-chart-data';
import { ChartDataTable, ChartFrame } from './chart-frame';
import { ScrollRegion } from '../ui/scroll-region';

// QUADAS-2 summaries as in Cochrane DTA reviews: the traffic-light table (one row per study, a coloured mark with a
// symbol per domain, so colour is never the only cue) and the stacked bars (share of studies at low, high and
// unclear risk per domain).


function Light({ rating }: { rating: QuadasRating }) {
  const { t } = useLanguage();
  const label = t(`accuracy.q.rating.${rating}`);
  return (
    <span className={`quadas-light quadas-${rating}`} title={label}>
      <span aria-hidden="true">{quadasSymbols[rating]}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

const applicabilityDomains = quadasDomains.filter((d) => d.key !== 'flowAndTiming');

export function QuadasTrafficLights({ studies, testId }: { studies: readonly { label: string; quadas: Quadas }[]; testId?: string }) {
  const { t } = useLanguage();
  return (
    // Many studies scroll in the box (its height is limited): then it is a labelled region a keyboard user can scroll.
    <ScrollRegion className="quadas-table-wrap" label={t('accuracy.qc.caption')} vertical testId={testId}>
      <table className="table quadas-table">
        <caption className="visually-hidden">{t('accuracy.qc.caption')}</caption>
        <thead>
          <tr>
            <th rowSpan={2} scope="col">{t('accuracy.qc.study')}</th>
            <th colSpan={4} scope="colgroup" className="quadas-group">{t('accuracy.qc.riskOfBias')}</th>
            <th colSpan={3} scope="colgroup" className="quadas-group">{t('accuracy.qc.applicability')}</th>
          </tr>
          <tr>
            {quadasDomains.map((d) => <th key={`rob-${d.key}`} scope="col" className="quadas-cell">{t(`accuracy.q.domain.${d.key}`)}</th>)}
            {applicabilityDomains.map((d) => <th key={`app-${d.key}`} scope="col" className="quadas-cell">{t(`accuracy.q.domain.${d.key}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {studies.map((s, i) => (
            <tr key={i}>
              <th scope="row" className="quadas-study" title={s.label} data-user-content>{s.label}</th>
              {quadasDomains.map((d) => <td key={d.key} className="quadas-cell"><Light rating={s.quadas.riskOfBias[d.key]} /></td>)}
              {applicabilityDomains.map((d) => <td key={d.key} className="quadas-cell"><Light rating={s.quadas.applicability[d.key]} /></td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="subtle quadas-key">
        {quadasRatings.map((r) => (
          <span key={r} className="quadas-key-item"><Light rating={r} /> {t(`accuracy.q.rating.${r}`)}</span>
        ))}
      </p>
    </ScrollRegion>
  );
}

export function QuadasBars({ studies, testId }: { studies: readonly { quadas: Quadas }[]; testId?: string }) {
  const { t } = useLanguage();
  const bars = quadasBars(studies.map((s) => s.quadas));
  const partName = (part: 'riskOfBias' | 'applicability') => (part === 'riskOfBias' ? t('accuracy.qc.riskOfBias') : t('accuracy.qc.applicabilityShort'));
  const domainName = (domain: string) => t(`accuracy.q.domain.${domain as (typeof quadasDomains)[number]['key']}`);
  const order = quadasBarOrder;
  const section = (part: 'riskOfBias' | 'applicability', title: string) => (
    <div className="quadas-bars-part">
      <h4>{title}</h4>
      {bars.filter((b) => b.part === part).map((b) => (
        <div className="quadas-bar-row" key={b.domain}>
          <span className="quadas-bar-label">{domainName(b.domain)}</span>
          <span className="quadas-bar">
            {order.map((r) =>
              b.shares[r] > 0 ? (
                <span key={r} className="quadas-bar-seg" style={{ width: `${b.shares[r] * 100}%`, background: quadasColors[r] }} title={t('accuracy.qc.share', { rating: t(`accuracy.q.rating.${r}`), n: b.counts[r], total: studies.length })}>
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
      title={t('accuracy.qc.title')}
      description={t('accuracy.qc.description', { n: studies.length })}
      summary={bars.map((b) => t('accuracy.qc.summaryItem', { part: partName(b.part), domain: domainName(b.domain), low: b.counts.low, high: b.counts.high, unclear: b.counts.unclear })).join('; ')}
      height={null}
      testId={testId}
      legend={order.map((r) => ({ label: t(`accuracy.q.rating.${r}`), color: quadasColors[r], mark: 'bar' as const }))}
      table={
        <ChartDataTable
          caption={t('accuracy.qc.title')}
          headers={[t('accuracy.qc.domain'), t('accuracy.q.rating.low'), t('accuracy.q.rating.high'), t('accuracy.q.rating.unclear')]}
          rows={bars.map((b) => [t('accuracy.qc.row', { part: partName(b.part), domain: domainName(b.domain) }), b.counts.low, b.counts.high, b.counts.unclear])}
        />
      }
    >
      <div className="quadas-bars">
        {section('riskOfBias', t('accuracy.qc.riskOfBias'))}
        {section('applicability', t('accuracy.qc.applicability'))}
        <div className="quadas-bar-row quadas-bar-axis" aria-hidden="true">
          <span />
          <span className="quadas-axis">{[0, 25, 50, 75, 100].map((t) => <span key={t} style={{ left: `${t}%` }}>{t}%</span>)}</span>
        </div>
      </div>
    </ChartFrame>
  );
}
