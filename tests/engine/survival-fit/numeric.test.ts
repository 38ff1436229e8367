// Numerical building blocks of the survival fits: incomplete gamma (against mpmath at 40 digits and stdlib where
// stdlib is right), normal tails, adaptive quadrature and the Newton minimiser.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import gammainc from '@stdlib/math-base-special-gammainc';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import { logGammaTails } from '../../../src/engine/numeric/incomplete-gamma';
import { minimise } from '../../../src/engine/numeric/newton';
import { logNormalUpperTail, normalHazard } from '../../../src/engine/numeric/normal-tail';
import { integrate } from '../../../src/engine/numeric/quadrature';

const fixture = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/survival/gengamma_scipy.json'), 'utf8')) as {
  incomplete_gamma: { a: number; x: number; P: number; Q: number }[];
};

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('regularised incomplete gamma', () => {
  it('matches mpmath to 1e-11 relative, including shapes of 5000 and 250000 where stdlib is wrong', () => {
    for (const { a, x, P, Q } of fixture.incomplete_gamma) {
      const { logP, logQ } = logGammaTails(a, x);
      expect(rel(Math.exp(logP), P), `P(${a}, ${x})`).toBeLessThan(1e-11);
      expect(rel(Math.exp(logQ), Q), `Q(${a}, ${x})`).toBeLessThan(1e-11);
    }
  });

  it('agrees with stdlib for shapes below 500 (both tails, 1e-12 absolute)', () => {
    for (const a of [0.05, 0.5, 1, 3.7, 20, 150, 480]) {
      for (const ratio of [0.01, 0.5, 0.9, 1, 1.1, 2, 8]) {
        const x = a * ratio;
        const { logP, logQ } = logGammaTails(a, x);
        expect(Math.abs(Math.exp(logP) - gammainc(x, a)), `P(${a}, ${x})`).toBeLessThan(1e-12);
        expect(Math.abs(Math.exp(logQ) - gammainc(x, a, true, true)), `Q(${a}, ${x})`).toBeLessThan(1e-12);
      }
    }
  });

  it('keeps far tails on the log scale: Q(2, 800) = 801 e^-800', () => {
    expect(logGammaTails(2, 800).logQ).toBeCloseTo(Math.log(801) - 800, 10);
  });
});

describe('normal tail', () => {
  it('log(1 - Phi(w)) equals the cdf where it is representable and its asymptotic series beyond', () => {
    for (const w of [-5, -1, 0, 1, 5, 20]) expect(logNormalUpperTail(w)).toBeCloseTo(Math.log(normalCdf(-w, 0, 1)), 11);
    // Continuous across the switch to the asymptotic series at w = 30, and finite far beyond.
    const slope = normalHazard(30); // d/dw log(1 - Phi(w)) = -hazard
    expect(Math.abs(logNormalUpperTail(29.999999) - logNormalUpperTail(30.000001) - 2e-6 * slope)).toBeLessThan(1e-9);
    expect(Number.isFinite(logNormalUpperTail(60))).toBe(true);
    expect(normalHazard(0)).toBeCloseTo(2 * 0.3989422804014327, 14);
    // h(w) / w = 1 + 1/w^2 - 2/w^4 + 10/w^6 - ...
    expect(normalHazard(40) / 40).toBeCloseTo(1 + 1 / 1600 - 2 / 1600 ** 2 + 10 / 1600 ** 3, 10);
  });
});

describe('adaptive Gauss–Kronrod quadrature', () => {
  it('integrates smooth, singular-slope and fast-decaying integrands to 1e-12', () => {
    expect(integrate(Math.sqrt, 0, 1)).toBeCloseTo(2 / 3, 12);
    expect(integrate((x) => Math.exp(-x), 0, 50)).toBeCloseTo(1 - Math.exp(-50), 12);
  });

  it('stops splitting an integrand whose error never settles, with a close answer (a bounded number of evaluations)', () => {
    // Noise of ±1e-9 around 1: no panel meets a 1e-13 tolerance, so every panel would split down to 2^40.
    let calls = 0;
    const noisy = (x: number) => {
      calls++;
      return 1 + 1e-9 * Math.sin(1e7 * x);
    };
    expect(integrate(noisy, 0, 3, 1e-13)).toBeCloseTo(3, 6);
    expect(calls).toBeLessThanOrEqual(15 * 20_001);
  });
});

describe('Newton minimiser', () => {
  it('finds the Rosenbrock minimum (1, 1) from (-1.2, 1)', () => {
    const rosenbrock = (x: Float64Array, g: Float64Array | null): number => {
      const [a, b] = [x[0]!, x[1]!];
      if (g) {
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
      }
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const r = minimise(rosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 8);
    expect(r.x[1]).toBeCloseTo(1, 8);
  });

  it('says so when there is no minimum', () => {
    const r = minimise((x, g) => {
      if (g) g[0] = 1;
      return x[0]!;
    }, [0]);
    expect(r.converged).toBe(false);
    expect(r.message).toMatch(/no optimum inside the parameter space: the estimates drift along a ridge/);
  });

  it('says so when the objective cannot be evaluated at the start', () => {
    expect(minimise(() => NaN, [0]).message).toMatch(/cannot be evaluated at the starting values/);
  });
});
