// Regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 - P, returned as logarithms so tails keep their
// precision. Hand-written because @stdlib/math-base-special-gammainc 0.3.1 (the latest) is wrong by up to 6e-3 for
// a >= 1000 (e.g. P(5000, 5000): 0.49624 against 0.50188 from SciPy and Wilson–Hilferty), and the generalised gamma
// likelihood needs shapes a = 1/Q^2 far beyond that. Method: the power series of P for x < a + 1 and Lentz's
// continued fraction for Q otherwise (Numerical Recipes 6.2), with the prefactor x^a e^-x / Gamma(a) written as
// -a (y - log1p y) + log sqrt(a / 2 pi) - stirlingRemainder(a), y = x/a - 1, so it stays accurate for huge a.
import gammaln from '@stdlib/math-base-special-gammaln';

const LOG_2PI = Math.log(2 * Math.PI);
const EPS = 1e-17;

/** lgamma(a) - ((a - 1/2) log a - a + log(2 pi)/2): Stirling's series for a >= 15, else from lgamma. */
export function stirlingRemainder(a: number): number {
  if (a >= 15) {
    const r = 1 / (a * a);
    return (1 / (12 * a)) * (1 - r * (1 / 30 - r * (1 / 105 - r * (1 / 140 - r / 99))));
  }
  return gammaln(a) - ((a - 0.5) * Math.log(a) - a + 0.5 * LOG_2PI);
}

/** y - log(1 + y), accurate near y = 0 (series), for y > -1. */
export function yMinusLog1p(y: number): number {
  if (Math.abs(y) > 0.1) return y - Math.log1p(y);
  // y^2/2 - y^3/3 + y^4/4 - ...
  let term = y * y;
  let sum = 0;
  for (let k = 2; k < 40; k++) {
    const add = term / k;
    sum += k % 2 === 0 ? add : -add;
    if (Math.abs(add) < 1e-18 * Math.abs(sum)) break;
    term *= y;
  }
  return sum;
}

export interface LogGammaTails {
  /** log P(a, x), lower tail */
  logP: number;
  /** log Q(a, x), upper tail */
  logQ: number;
}

/**
 * log P(a, x) and log Q(a, x) for a > 0, x >= 0. `y` may pass x / a - 1 when the caller has it more precisely than
 * x / a - 1 computed from x (the generalised gamma does: y = expm1(Q w)).
 */
export function logGammaTails(a: number, x: number, y = x / a - 1): LogGammaTails {
  if (!(a > 0) || !(x >= 0)) return { logP: NaN, logQ: NaN };
  if (x === 0) return { logP: -Infinity, logQ: 0 };
  if (x === Infinity) return { logP: 0, logQ: -Infinity };
  const logPrefix = -a * yMinusLog1p(y) + 0.5 * (Math.log(a) - LOG_2PI) - stirlingRemainder(a);
  const maxTerms = 200 + Math.ceil(40 * Math.sqrt(a));
  if (x < a + 1) {
    // P = prefix / a * sum_n x^n / ((a+1)...(a+n))
    let term = 1;
    let sum = 1;
    for (let n = 1; n < maxTerms; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPS) break;
    }
    const logP = logPrefix + Math.log(sum / a);
    return { logP, logQ: log1mexp(logP) };
  }
  // Q = prefix * 1 / (x + 1 - a - 1 (1 - a) / (x + 3 - a - 2 (2 - a) / ...)), modified Lentz.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < maxTerms; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  const logQ = logPrefix + Math.log(h);
  return { logP: log1mexp(logQ), logQ };
}

/** log(1 - e^v) for v <= 0 (Mächler 2012). */
export function log1mexp(v: number): number {
  if (v > -Math.LN2) return Math.log(-Math.expm1(v));
  return Math.log1p(-Math.exp(v));
}
