import { useState } from 'react';
import { AppFrame } from '../layout/app-frame';
import { usePlatform } from '../platform/platform-context';
import { TextField } from '../ui/fields';
import { UploadIcon } from '../ui/icons';
import { CePlaneChart } from '../charts/ce-plane-chart';
import { SeriesLineChart } from '../charts/line-chart';
import { chartInk } from '../charts/palette';
import { CsvError, parseCsv } from '../../engine/survival-fit/csv-table';
import { DrawsTableError, readPsaDraws } from '../../engine/psa/external-draws';
import type { ExternalPsaDraws } from '../../engine/psa/external-draws';
import { summarisePsa, wtpGrid } from '../../engine/analysis/psa-view';
import type { PsaView } from '../../engine/analysis/psa-view';
import { calculateIcers } from '../../engine/economics/incremental';
import type { IncrementalRow } from '../../engine/economics/incremental';
import { incrementalStatusLabels } from '../../report/results-tables';
import { formatCount, formatMoney, formatMoneyCompact, formatNumber, formatPercent } from '../../report/format';

// "Analyse PSA results…": per-draw costs and effects made by another model (BCEA / dampack exports, a company's
// spreadsheet saved as CSV) read with the same reader as `hta voi` and shown with the PSA screen's summaries:
// means, incremental analysis, CE plane, CEAC with CEAF, EVPI. Nothing is stored; the file stays where it is.

const drawsFileTypes = [{ name: 'PSA draws (CSV)', extensions: ['csv', 'txt'] }];
const maxDrawsBytes = 50 * 1024 * 1024;
const MAX_PLANE_POINTS = 2000;

interface Analysed {
  file: string;
  draws: ExternalPsaDraws;
  view: PsaView;
  incremental: IncrementalRow[];
}

function parseMaxWtp(text: string): number | string {
  const x = Number(text.replace(/[\s,]/g, ''));
  return text.trim() !== '' && Number.isFinite(x) && x > 0 ? x : 'Enter a number greater than 0, e.g. 50000.';
}

export function PsaResultsScreen() {
  const platform = usePlatform();
  const [names, setNames] = useState('');
  const [maxWtpText, setMaxWtpText] = useState('50000');
  const [currency, setCurrency] = useState('');
  const [content, setContent] = useState<{ name: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const maxWtp = parseMaxWtp(maxWtpText);

  let analysed: Analysed | null = null;
  let analysisError = error;
  if (content && typeof maxWtp === 'number' && analysisError === null) {
    try {
      const strategyNames = names.trim() === '' ? undefined : names.split(',').map((s) => s.trim());
      const draws = readPsaDraws(parseCsv(content.text), strategyNames);
      const view = summarisePsa({ ...draws, strategyLabels: draws.strategyIds, seed: 0 }, { wtpGrid: wtpGrid(maxWtp, 100), comparator: draws.strategyIds[0]!, maxPoints: MAX_PLANE_POINTS });
      const incremental = calculateIcers(view.means.map((m) => ({ id: m.id, cost: m.cost.mean, effect: m.effect.mean })));
      analysed = { file: content.name, draws, view, incremental };
    } catch (e) {
      if (!(e instanceof CsvError || e instanceof DrawsTableError || e instanceof RangeError)) throw e;
      analysisError = `${content.name}: ${e.message}`;
    }
  }

  const choose = async () => {
    const file = await platform.openFile({ fileTypes: drawsFileTypes, maxBytes: maxDrawsBytes });
    if (!file.opened) {
      if (file.reason !== 'canceled') setError(file.message ?? `The file could not be read (${file.reason}).`);
      return;
    }
    setError(null);
    setContent({ name: file.name, text: file.content });
  };

  return (
    <AppFrame activeNav="models" title={<span className="current">Analyse PSA results</span>}>
      <div className="page" data-testid="psa-results-screen">
        <div className="page-header">
          <div className="page-title">
            <h1>Analyse PSA results</h1>
            <p>Per-draw costs and effects from another model, as BCEA and dampack export them: columns cost_&lt;strategy&gt; and eff_&lt;strategy&gt;, c_&lt;strategy&gt; and e_&lt;strategy&gt;, c1…cN and e1…eN, or long rows strategy, draw, cost, effect. The file is read here and not stored.</p>
          </div>
          <button type="button" className="btn btn-primary" onClick={() => void choose()} data-testid="choose-draws-file">
            <UploadIcon />
            Choose draws file…
          </button>
        </div>
        <div className="section-stack">
          <section className="card" aria-labelledby="psa-results-options">
            <div className="card-header">
              <h2 id="psa-results-options">Options</h2>
              {content && <span className="subtle" data-testid="draws-file-name">{content.name}</span>}
            </div>
            <div className="card-body form-grid-3">
              <TextField label="Strategy names (c1…cN)" value={names} onChange={setNames} placeholder="e.g. Status quo, Vaccination" hint="For c1…cN columns, comma-separated." testId="draws-strategy-names" />
              <TextField label="Highest willingness to pay" value={maxWtpText} onChange={setMaxWtpText} error={typeof maxWtp === 'string' ? maxWtp : undefined} hint="Per unit of effect; 101 thresholds." testId="draws-max-wtp" />
              <TextField label="Currency" value={currency} onChange={setCurrency} placeholder="e.g. GBP" testId="draws-currency" />
            </div>
          </section>
          {analysisError && (
            <div className="notice notice-error" role="alert" data-testid="draws-error">
              <div><strong>These draws cannot be analysed.</strong> {analysisError}</div>
            </div>
          )}
          {!content && !analysisError && <p className="empty" data-testid="no-draws">Choose a CSV file of PSA draws to see the means, the incremental analysis, the CE plane, the acceptability curves and the EVPI.</p>}
          {analysed && <DrawsResults analysed={analysed} currency={currency.trim() || undefined} />}
        </div>
      </div>
    </AppFrame>
  );
}

function DrawsResults({ analysed, currency }: { analysed: Analysed; currency: string | undefined }) {
  const { view, draws, incremental } = analysed;
  // Draws from other models are often small amounts (a vaccine's cost per person): cents when costs are below 1,000.
  const small = Math.max(...view.means.map((m) => Math.abs(m.cost.mean))) < 1000;
  const money = (v: number) => formatMoney(v, currency, small ? 2 : 0);
  const moneyTick = (v: number) => formatMoneyCompact(v, currency);
  const costTick = small ? (v: number) => formatMoney(v, currency, 1) : moneyTick;
  const evpiMoney = (v: number) => formatMoney(v, currency, 2);
  const ceacRows = view.ceac.map((r, i) => ({ ...r, ceaf: view.ceaf[i]!.probability }));
  const switches = view.ceaf.filter((c, i) => i > 0 && c.optimalId !== view.ceaf[i - 1]!.optimalId);
  const optimalText =
    switches.length === 0
      ? `${view.ceaf[0]?.optimalId ?? ''} has the highest expected net benefit across the range.`
      : `The strategy with the highest expected net benefit changes at ${switches.map((s) => `${money(s.wtp)} (to ${s.optimalId})`).join(', ')}.`;
  const wtpLabel = `Willingness to pay (${currency ?? 'currency'} per unit of effect)`;
  return (
    <div className="section-stack" data-testid="draws-results">
      <p className="subtle" data-testid="draws-summary">
        {formatCount(draws.draws)} draws of {draws.strategyIds.length} strategies ({draws.layout} layout){draws.parameterDraws.names.length > 0 ? `; parameter columns ${draws.parameterDraws.names.join(', ')} (EVPPI: hta voi)` : ''}.
      </p>
      <div className="table-wrap">
        <table className="table" data-testid="draws-means-table">
          <caption className="table-caption">Mean and 95% interval (2.5th–97.5th percentile) per person</caption>
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col" className="num">Mean cost</th>
              <th scope="col" className="num">95% interval</th>
              <th scope="col" className="num">Mean effect</th>
              <th scope="col" className="num">95% interval</th>
            </tr>
          </thead>
          <tbody>
            {view.means.map((m) => (
              <tr key={m.id}>
                <th scope="row" className="row-head">{m.label}</th>
                <td className="num">{money(m.cost.mean)}</td>
                <td className="num">{money(m.cost.lower)} to {money(m.cost.upper)}</td>
                <td className="num">{formatNumber(m.effect.mean, 6)}</td>
                <td className="num">{formatNumber(m.effect.lower, 6)} to {formatNumber(m.effect.upper, 6)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="draws-incremental-table">
          <caption className="table-caption">Incremental analysis of the means (increments over the next cheaper strategy on the frontier)</caption>
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Incremental cost</th>
              <th scope="col" className="num">Incremental effect</th>
              <th scope="col" className="num">ICER</th>
            </tr>
          </thead>
          <tbody>
            {incremental.map((r) => (
              <tr key={r.id}>
                <th scope="row" className="row-head">{r.id}</th>
                <td>{incrementalStatusLabels[r.status]}</td>
                <td className="num">{r.incCost === null ? '—' : money(r.incCost)}</td>
                <td className="num">{r.incEffect === null ? '—' : formatNumber(r.incEffect, 6)}</td>
                <td className="num">{r.icer === null ? '—' : formatMoney(r.icer, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="chart-grid">
        <CePlaneChart
          testId="draws-plane"
          title={`Incremental cost-effectiveness plane vs ${view.comparatorLabel}`}
          description="Each point is one draw; diamonds are the mean increments."
          summary={`Incremental CE plane against ${view.comparatorLabel}: ${view.plane.map((s) => `${s.label} mean incremental cost ${money(s.meanIncCost)}, effect ${formatNumber(s.meanIncEffect, 6)}`).join('; ')}.`}
          series={view.plane.map((s) => ({ id: s.id, label: s.label, points: s.points.map((p) => ({ x: p.incEffect, y: p.incCost })) }))}
          highlights={view.plane.map((s) => ({ id: s.id, label: `Mean: ${s.label}`, x: s.meanIncEffect, y: s.meanIncCost }))}
          xLabel="Incremental effect"
          yLabel={`Incremental cost (${currency ?? 'currency'})`}
          formatX={(v) => formatNumber(v, 5)}
          formatY={costTick}
          table={{
            headers: ['Strategy', 'Mean incremental cost', 'Mean incremental effect', 'ICER (ratio of means)'],
            rows: view.plane.map((s) => [s.label, money(s.meanIncCost), formatNumber(s.meanIncEffect, 6), s.icer === null ? '—' : formatMoney(s.icer, currency)]),
          }}
          note={view.plottedPoints < view.draws * view.plane.length ? `Showing ${formatCount(view.plottedPoints)} of ${formatCount(view.draws * view.plane.length)} points (evenly spaced draws); means use every draw.` : `All ${formatCount(view.draws)} draws shown.`}
        />
        <SeriesLineChart
          testId="draws-ceac"
          title="Cost-effectiveness acceptability curves and frontier"
          description="Probability that each strategy has the highest net benefit; the dashed black line (CEAF) follows the strategy with the highest expected net benefit."
          summary={`CEAC of ${view.strategies.length} strategies from ${money(0)} to ${money(view.ceac[view.ceac.length - 1]?.wtp ?? 0)}. ${optimalText}`}
          rows={ceacRows}
          xKey="wtp"
          xLabel={wtpLabel}
          yLabel="Probability cost-effective"
          series={[...view.strategies.map((s) => ({ key: s.id, label: s.label })), { key: 'ceaf', label: 'CEAF (optimal strategy)', color: chartInk.text, dashed: true }]}
          formatX={moneyTick}
          formatY={(v) => formatPercent(v, 0)}
          formatTable={(v) => formatPercent(v, 1)}
          yDomain={[0, 1]}
          note={optimalText}
        />
        <SeriesLineChart
          testId="draws-evpi"
          title="Expected value of perfect information (per person)"
          description="What removing all uncertainty in these draws would be worth per person, by threshold."
          summary={`EVPI per person from ${evpiMoney(view.evpi[0]?.evpi ?? 0)} to a maximum of ${evpiMoney(Math.max(...view.evpi.map((e) => e.evpi)))}.`}
          rows={view.evpi}
          xKey="wtp"
          xLabel={wtpLabel}
          yLabel={`EVPI (${currency ?? 'currency'})`}
          series={[{ key: 'evpi', label: 'EVPI per person' }]}
          formatX={moneyTick}
          formatY={evpiMoney}
          yDomain={[0, 'auto']}
        />
      </div>
    </div>
  );
}
