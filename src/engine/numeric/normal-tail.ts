// The standard normal upper tail on the log scale and the inverse Mills ratio, accurate far into the tail
// (log-normal likelihoods of late censored times need log(1 - Phi(w)) for w beyond 37, where the tail underflows).
import erfc from '@stdlib/math-base-special-erfc';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const ASYMPTOTIC_FROM = 30;

/** log(1 - Phi(w)) = log Phi(-w). */
export function logNormalUpperTail(w: number): number {
  if (w < ASYMPTOTIC_FROM) return Math.log(0.5 * erfc(w / Math.SQRT2));
  const r = 1 / (w * w);
  return -0.5 * w * w - Math.log(w) - LOG_SQRT_2PI + Math.log1p(-r * (1 - r * (3 - r * (15 - 105 * r))));
}

/** phi(w) / (1 - Phi(w)), the hazard of the standard normal. */
export function normalHazard(w: number): number {
  if (w < ASYMPTOTIC_FROM) return Math.exp(-0.5 * w * w - LOG_SQRT_2PI - logNormalUpperTail(w));
  const r = 1 / (w * w);
  return w / (1 - r * (1 - r * (3 - r * (15 - 105 * r))));
}
