// The generalised gamma distribution in flexsurv's parametrisation (Prentice 1974): mu, sigma > 0, Q. With
// w = (log t - mu) / sigma, a = 1/Q^2 and x = a e^(Q w): S(t) = Q(a, x) (upper regularised incomplete gamma) for
// Q > 0, P(a, x) for Q < 0, and the log-normal (mu, sigma) at Q = 0; Q = 1 is the Weibull (shape 1/sigma, scale
// e^mu) and Q = sigma the gamma. The density is written so that it is exact for every Q, including Q -> 0. S(t)
// near Q = 0 needs the incomplete gamma at ever larger a, so for |Q| < SMALL_Q it is the quadratic through
// Q = -SMALL_Q, 0, SMALL_Q (log S is smooth in Q; the error is below 1e-9 for |w| <= 5).
import { logGammaTails, stirlingRemainder } from '../numeric/incomplete-gamma';
import { logNormalUpperTail } from '../numeric/normal-tail';

const SMALL_Q = 2e-3;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** (e^v - 1 - v) / v^2, accurate near 0. */
function exprel2(v: number): number {
  if (Math.abs(v) > 0.5) return (Math.expm1(v) - v) / (v * v);
  let term = 0.5;
  let sum = 0.5;
  for (let k = 3; k < 30; k++) {
    term *= v / k;
    sum += term;
    if (Math.abs(term) < 1e-18) break;
  }
  return sum;
}

function exactLogSurvival(w: number, q: number): number {
  if (q === 0) return logNormalUpperTail(w);
  const a = 1 / (q * q);
  const y = Math.expm1(q * w);
  const tails = logGammaTails(a, a * (1 + y), y);
  return q > 0 ? tails.logQ : tails.logP;
}

/** log f(t) + log(sigma t): the log density of w, exact for every Q. */
function exactLogDensityOfW(w: number, q: number): number {
  if (q === 0) return -LOG_SQRT_2PI - 0.5 * w * w;
  return -LOG_SQRT_2PI - stirlingRemainder(1 / (q * q)) - w * w * exprel2(q * w);
}

function nearZero(f: (w: number, q: number) => number, w: number, q: number): number {
  const up = f(w, SMALL_Q);
  const down = f(w, -SMALL_Q);
  const mid = f(w, 0);
  return mid + (q * (up - down)) / (2 * SMALL_Q) + (q * q * (up + down - 2 * mid)) / (2 * SMALL_Q * SMALL_Q);
}

/** log S(t) of the generalised gamma (t > 0). */
export function gengammaLogSurvival(mu: number, sigma: number, q: number, t: number): number {
  const w = (Math.log(t) - mu) / sigma;
  return Math.abs(q) < SMALL_Q ? nearZero(exactLogSurvival, w, q) : exactLogSurvival(w, q);
}

/** log f(t) of the generalised gamma (t > 0). */
export function gengammaLogDensity(mu: number, sigma: number, q: number, t: number): number {
  const w = (Math.log(t) - mu) / sigma;
  return exactLogDensityOfW(w, q) - Math.log(sigma * t);
}
