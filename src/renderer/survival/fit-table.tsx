import { Fragment, useId } from 'react';
import type { FitDistribution } from '../../engine/survival-fit/distributions';
import type { RankedFit } from '../../engine/survival-fit/fit-all';
import { capitalFirst } from '../../report/format';
import { formatNumber } from '../settings/display-format';
import { fitColour } from './survival-charts';
import { formatEstimate, formatWithInterval } from './survival-format';
import { useLanguage } from '../i18n/language';
import { distributionLabel, textWithFamily, unusableFitWords } from './survival-words';

// The fits side by side, ranked by AIC: choose one (radio) and which are drawn (checkboxes).

const COLUMNS = 10;

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
  const { t, fmt } = useLanguage();
  const tableId = useId();
  const unusableId = (d: FitDistribution) => `${tableId}-unusable-${d}`;
  const horizon = fits[0]?.rmst.horizon;
  return (
    <div className="table-wrap fit-table-wrap">
      <table className="table fit-table" data-testid="fit-table">
        <caption className="visually-hidden">{t('survival.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="fit-choose">{t('survival.table.use')}</th>
            <th scope="col">{t('survival.table.distribution')}</th>
            <th scope="col" className="num">{t('survival.table.aic')}</th>
            <th scope="col" className="num">{t('survival.table.deltaAic')}</th>
            <th scope="col" className="num">{t('survival.table.bic')}</th>
            <th scope="col" className="num">{t('survival.table.logLik')}</th>
            <th scope="col" className="num">{t('survival.table.median')}</th>
            <th scope="col" className="num">{t('survival.table.mean', { horizon: formatEstimate(horizon) })}</th>
            <th scope="col">{t('survival.table.parameters')}</th>
            <th scope="col" className="fit-show">{t('survival.table.plot')}</th>
          </tr>
        </thead>
        <tbody>
          {fits.map((f) => (
            <Fragment key={f.distribution}>
              <tr data-testid="fit-row" data-distribution={f.distribution} aria-selected={f.distribution === chosen}
                className={f.converged ? undefined : 'fit-row-unusable'}>
                <td className="fit-choose">
                  <input
                    type="radio"
                    name="chosen-fit"
                    checked={f.distribution === chosen}
                    disabled={!f.converged}
                    aria-describedby={f.converged ? undefined : unusableId(f.distribution)}
                    onChange={() => onChoose(f.distribution)}
                    aria-label={textWithFamily(t, f.distribution, 'survival.table.useFit')}
                  />
                </td>
                <th scope="row" className="fit-name">
                  <span className="fit-swatch" style={{ background: fitColour(f.distribution) }} aria-hidden="true" />
                  {distributionLabel(t, f.distribution)}
                  {f.aicRank === 1 && <span className="badge badge-info fit-best">{t('survival.table.best')}</span>}
                </th>
                <td className="num">{formatNumber(f.aic, 2)}</td>
                <td className="num">{f.deltaAic === null ? '—' : formatNumber(f.deltaAic, 2)}</td>
                <td className="num">{formatNumber(f.bic, 2)}</td>
                <td className="num">{formatNumber(f.logLik, 3)}</td>
                <td className="num nowrap">{f.converged ? formatWithInterval(f.median, t) : '—'}</td>
                <td className="num nowrap">{f.converged ? formatWithInterval(f.rmst, t) : '—'}</td>
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
                    aria-describedby={f.converged ? undefined : unusableId(f.distribution)}
                    onChange={(e) => onShow(f.distribution, e.target.checked)}
                    aria-label={textWithFamily(t, f.distribution, 'survival.table.draw')}
                  />
                </td>
              </tr>
              {/* Why the fit is unusable, on its own row under it (in the name cell it widened the column and ran past
                  the table's visible edge at 1024 px); a sentence of its own, so capitalised. */}
              {!f.converged && (
                <tr className="fit-unusable-row" data-distribution={f.distribution}>
                  <td colSpan={COLUMNS}>
                    <div className="field-error fit-unusable" id={unusableId(f.distribution)} data-testid="fit-unusable">{capitalFirst(unusableFitWords(t, fmt, f))}</div>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      <p className="subtle table-note">{t('survival.table.note', { units: timeLabel })}</p>
    </div>
  );
}
