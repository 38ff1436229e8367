// The parameter table's findings (engine/analysis/parameter-checks) in the display language: English keeps the
// engine's own sentences; French and Dutch are worded from the catalogue with the values the finding carries, in
// the language's number format.
import type { ParameterCheck, ParameterFix } from '../../engine/analysis/parameter-checks';
import type { NumberFormats, ReportLocale } from '../../report/format';
import type { Translate } from '../../report/i18n/translate';

interface Wording {
  locale: ReportLocale;
  t: Translate;
  fmt: NumberFormats;
}

function supportText(min: number, max: number, { t, fmt }: Wording): string {
  if (max === Infinity) return t('param.check.above', { min: fmt.parameter(min) });
  if (min === -Infinity) return t('param.check.below', { max: fmt.parameter(max) });
  return t('param.check.between', { min: fmt.parameter(min), max: fmt.parameter(max) });
}

/** The finding, and why it cannot be fixed here when that is so, as one text. */
export function parameterCheckText(check: ParameterCheck, w: Wording): string {
  if (w.locale === 'en') return check.unavailable ? `${check.message} ${check.unavailable}` : check.message;
  const { t, fmt } = w;
  const v = check.values;
  const base = fmt.parameter(v.base);
  let text: string;
  if (check.kind === 'joint-centre') text = t(v.median ? 'param.check.jointMedian' : 'param.check.joint', { others: v.others ?? '', joint: v.joint ?? '', centre: fmt.parameter(v.centre ?? NaN), base });
  else if (check.kind === 'outside-support') text = t('param.check.outsideSupport', { support: supportText(v.min ?? -Infinity, v.max ?? Infinity, w), base });
  else if (check.kind === 'distribution-mean') text = t(v.fixed ? 'param.check.fixed' : 'param.check.mean', { mean: fmt.parameter(v.mean ?? NaN), base });
  else text = t('param.check.outsideRange', { base, low: fmt.parameter(v.low ?? NaN), high: fmt.parameter(v.high ?? NaN) });
  if (check.kind === 'joint-centre' && check.unavailable) return `${text} ${t('param.check.jointUnavailable')}`;
  if (check.recentreFailure !== undefined) return `${text} ${t('param.check.cannotRecentre', { reason: check.recentreFailure })}`;
  return text;
}

/** A fix's button label. */
export function parameterFixLabel(fix: ParameterFix, check: ParameterCheck, w: Wording): string {
  if (w.locale === 'en') return fix.label;
  const { t, fmt } = w;
  if (fix.kind === 'widen-range') return t('param.check.widen', { low: fmt.parameter(fix.low), high: fmt.parameter(fix.high) });
  return t(fix.distribution.type === 'fixed' ? 'param.check.recentreFixed' : 'param.check.recentre', { base: fmt.parameter(check.values.base) });
}
