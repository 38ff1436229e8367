import type { FitDistribution } from '../../engine/survival-fit/distributions';
import type { RankedFit } from '../../engine/survival-fit/fit-all';
import { formatNumber } from '../settings/display-format';
import { fitColour } from './survival-charts';
import { formatEstimate, formatWithInterval } from './survival-format';

// The fits side by side, ranked by AIC: choose one (radio) and which are drawn (checkboxes).

export function FitTable({
  fits,
  chosen,
  onChoose,
  shown,
  onShow,
  timeLabel,
}: {
  fits: readonly RankedFit[];
  chosen: FitDistribution | null;
  onChoose: (d: FitDistribution) => void;
  shown: ReadonlySet<FitDistribution>;
  onShow: (d: FitDistribution, show: boolean) => void;
  timeLabel: string;
}) {
  const horizon = fits[0]?.rmst.horizon;
  return (
    <div className="table-wrap">
      <table className="table fit-table" data-testid="fit-table">
        <caption className="visually-hidden">Fitted distributions, ranked by AIC</caption>
        <thead>
          <tr>
            <th scope="col" className="fit-choose">Use</th>
            <th scope="col">Distribution</th>
            <th scope="col" className="num">AIC</th>
            <th scope="col" className="num">ΔAIC</th>
            <th scope="col" className="num">BIC</th>
            <th scope="col" className="num">Log-likelihood</th>
            <th scope="col" className="num">Median (95% CI)</th>
            <th scope="col" className="num">Mean to {formatEstimate(horizon)} (95% CI)</th>
            <th scope="col">Parameters</th>
            <th scope="col" className="fit-show">Plot</th>
          </tr>
        </thead>
        <tbody>
          {fits.map((f) => (
            <tr key={f.distribution} data-testid="fit-row" data-distribution={f.distribution} aria-selected={f.distribution === chosen}>
              <td className="fit-choose">
                <input
                  type="radio"
                  name="chosen-fit"
                  checked={f.distribution === chosen}
                  disabled={!f.converged}
                  onChange={() => onChoose(f.distribution)}
                  aria-label={`Use the ${f.label} fit`}
                />
              </td>
              <th scope="row" className="fit-name">
                <span className="fit-swatch" style={{ background: fitColour(f.distribution) }} aria-hidden="true" />
                {f.label}
                {f.aicRank === 1 && <span className="badge badge-info fit-best">Lowest AIC</span>}
                {!f.converged && <div className="field-error">{f.message}</div>}
              </th>
              <td className="num">{formatNumber(f.aic, 2)}</td>
              <td className="num">{f.deltaAic === null ? '—' : formatNumber(f.deltaAic, 2)}</td>
              <td className="num">{formatNumber(f.bic, 2)}</td>
              <td className="num">{formatNumber(f.logLik, 3)}</td>
              <td className="num nowrap">{f.converged ? formatWithInterval(f.median) : '—'}</td>
              <td className="num nowrap">{f.converged ? formatWithInterval(f.rmst) : '—'}</td>
              <td className="fit-params">
                {Object.entries(f.parameters)
                  .map(([name, value]) => `${name} ${formatEstimate(value)}`)
                  .join(', ')}
              </td>
              <td className="fit-show">
                <input
                  type="checkbox"
                  checked={shown.has(f.distribution)}
                  disabled={!f.converged}
                  onChange={(e) => onShow(f.distribution, e.target.checked)}
                  aria-label={`Draw the ${f.label} curve`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="subtle table-note">
        Times in {timeLabel}. AIC = −2 log-likelihood + 2k, BIC = −2 log-likelihood + k log n; the lowest is the best
        compromise of fit and parameters, but the extrapolation must also be plausible. Intervals: delta method on the log scale.
      </p>
    </div>
  );
}
