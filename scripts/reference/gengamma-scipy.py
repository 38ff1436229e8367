# Writes tests/fixtures/survival/gengamma_scipy.json: an independent reference for the generalised gamma (which the
# R reference file does not cover) and for the regularised incomplete gamma at large shapes.
# Fits: SciPy, with Prentice / flexsurv (mu, sigma, Q) mapped to scipy.stats.gengamma(a = 1/Q^2, c = Q/sigma,
# scale = e^mu (Q^2)^(sigma/Q)). Log-likelihoods at fixed points, including Q near 0 where that mapping overflows:
# mpmath at 40 digits from flexsurv's dgengamma / pgengamma formulas.
# Run from the repository root: python3 scripts/reference/gengamma-scipy.py
import csv
import json
import numpy as np
import mpmath
import scipy
from scipy import optimize, stats

mpmath.mp.dps = 40


def load(name):
    rows = list(csv.reader(open(f'tests/fixtures/survival/{name}_ipd.csv')))[1:]
    return np.array([float(r[0]) for r in rows]), np.array([int(r[1]) for r in rows])


def gengamma(mu, sigma, q):
    return stats.gengamma(1 / q**2, q / sigma, scale=np.exp(mu) * (q**2) ** (sigma / q))


def loglik_mpmath(mu, sigma, q, t, e):
    mu, sigma, q = mpmath.mpf(mu), mpmath.mpf(sigma), mpmath.mpf(q)
    g = 1 / q**2
    total = mpmath.mpf(0)
    for ti, ei in zip(t, e):
        w = (mpmath.log(mpmath.mpf(float(ti))) - mu) / sigma
        u = g * mpmath.exp(q * w)
        if ei == 1:
            total += -mpmath.log(sigma * float(ti)) + mpmath.log(abs(q)) + g * mpmath.log(g) + g * (q * w - mpmath.exp(q * w)) - mpmath.loggamma(g)
        else:
            upper = mpmath.gammainc(g, u, mpmath.inf, regularized=True)
            total += mpmath.log(upper if q > 0 else 1 - upper)
    return float(total)


def loglik(theta, t, e):
    mu, log_sigma, q = theta
    d = gengamma(mu, np.exp(log_sigma), q)
    return float(np.sum(np.where(e == 1, d.logpdf(t), d.logsf(t))))


out = {
    'source': f'fits: SciPy {scipy.__version__} (scipy.stats.gengamma; scipy.optimize Nelder-Mead then BFGS); points and incomplete gamma: '
    f'mpmath {mpmath.__version__} at 40 digits; script scripts/reference/gengamma-scipy.py',
    'datasets': {},
    'points': [],
    'incomplete_gamma': [],
}
for name, start in [('ovarian', [6.4, 0.35, -0.7]), ('aml', [2.9, -0.1, -0.5])]:
    t, e = load(name)
    r = optimize.minimize(lambda x: -loglik(x, t, e), start, method='Nelder-Mead', options=dict(xatol=1e-12, fatol=1e-14, maxiter=20000, maxfev=40000))
    r = optimize.minimize(lambda x: -loglik(x, t, e), r.x, method='BFGS', options=dict(gtol=1e-10))
    mu, log_sigma, q = r.x
    out['datasets'][name] = {'mu': mu, 'sigma': float(np.exp(log_sigma)), 'Q': q, 'logLik': -float(r.fun)}
    for theta in ([mu, log_sigma, 1.0], [mu, log_sigma, 0.01], [mu, log_sigma, -0.004], [mu, log_sigma, 0.0025], [mu, log_sigma, 0.001], [mu, log_sigma, -0.0015], [mu, log_sigma, 2.5]):
        sigma = float(np.exp(theta[1]))
        out['points'].append({'dataset': name, 'mu': theta[0], 'sigma': sigma, 'Q': theta[2], 'logLik': loglik_mpmath(theta[0], sigma, theta[2], t, e)})
for a, x in [(0.3, 0.5), (2, 50), (5, 1e-3), (1000, 1050), (5000, 5000), (5000, 4800), (250000, 250300), (250000, 249000)]:
    upper = mpmath.gammainc(a, x, mpmath.inf, regularized=True)
    out['incomplete_gamma'].append({'a': a, 'x': x, 'P': float(1 - upper), 'Q': float(upper)})
json.dump(out, open('tests/fixtures/survival/gengamma_scipy.json', 'w'), indent=1)
print(json.dumps(out['datasets']))
