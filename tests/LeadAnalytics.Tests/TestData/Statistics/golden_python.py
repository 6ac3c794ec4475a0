"""Reference values for tests/LeadAnalytics.Tests/Statistics/GoldenStatisticsTests.cs from statsmodels, scipy and mpmath.

Regenerate: /usr/bin/python3 golden_python.py > golden_python.csv
(Debian python3-statsmodels 0.13.5, python3-scipy 1.10.1, python3-mpmath 1.2.1 were used.)
Line format: kind,inputs (space-separated),expected values (space-separated), repr() of doubles.

The Bayesian probability P(p1 > p2) with Beta(1, 1) priors is computed two independent ways at 60 significant digits:
Evan Miller's closed-form sum at 60 significant digits, and direct numerical integration of f1(p) * F2(p) over [0, 1]
(split at the posteriors' means +- k standard deviations, where the integrand lives): with mpmath at 30 digits for small
counts (the script stops if they disagree beyond 1e-15), with scipy's quad in double precision for counts in the
thousands (beyond 1e-10). It writes the closed form.
"""
import sys
import mpmath
from scipy import stats
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

mpmath.mp.dps = 60


def out(kind, inputs, values):
    print(f"{kind},{' '.join(str(i) for i in inputs)},{' '.join(repr(float(v)) for v in values)}")


intervals = [(0, 10, .95), (1, 10, .95), (5, 10, .95), (10, 10, .95), (40, 500, .95), (30, 200, .95), (25, 300, .95),
             (1, 10000, .95), (0, 1, .95), (1, 1, .95), (999, 1000, .95), (7, 23, .90), (3, 4, .99), (500, 100000, .95),
             (50000, 100000, .95)]
for x, n, conf in intervals:
    out("clopper_pearson", (x, n, conf), proportion_confint(x, n, alpha=1 - conf, method="beta"))
    out("jeffreys", (x, n, conf), proportion_confint(x, n, alpha=1 - conf, method="jeffreys"))
    out("wilson", (x, n, conf), proportion_confint(x, n, alpha=1 - conf, method="wilson"))

fisher = [(3, 1, 1, 3), (40, 460, 30, 170), (1, 9, 11, 3), (0, 5, 5, 0), (2, 48, 10, 40), (0, 10, 0, 10), (10, 10, 10, 10),
          (25, 275, 70, 630), (500, 4500, 450, 4550), (1, 0, 0, 0), (2, 8, 93, 907), (0, 30, 12, 18), (120, 880, 40, 960)]
for a, b, c, d in fisher:
    out("fisher", (a, b, c, d), [stats.fisher_exact([[a, b], [c, d]], alternative="two-sided")[1]])

for s1, n1, s2, n2 in [(40, 500, 30, 200), (12, 100, 6, 100), (2, 10, 95, 1000)]:
    z, p = proportions_ztest([s1, s2], [n1, n2])
    out("two_proportion_z", (s1, n1, s2, n2), [z, p])


def miller(s1, n1, s2, n2):
    # P(p1 > p2) = sum_{i=0}^{a1-1} B(a2+i, b1+b2) / ((b1+i) B(1+i, b1) B(a2, b2))
    a1, b1, a2, b2 = 1 + s1, 1 + n1 - s1, 1 + s2, 1 + n2 - s2
    return mpmath.fsum(mpmath.beta(a2 + i, b1 + b2) / ((b1 + i) * mpmath.beta(1 + i, b1) * mpmath.beta(a2, b2)) for i in range(a1))


def breakpoints(a1, b1, a2, b2):
    points = {0.0, 1.0}
    for a, b in ((a1, b1), (a2, b2)):
        mean = a / (a + b)
        sd = (mean * (1 - mean) / (a + b + 1)) ** 0.5
        points.update(q for q in (mean + k * sd / 2 for k in range(-12, 13)) if 0 < q < 1)
    return sorted(points)


def integral_double(s1, n1, s2, n2):
    from scipy import integrate
    a1, b1, a2, b2 = 1 + s1, 1 + n1 - s1, 1 + s2, 1 + n2 - s2
    pts = breakpoints(a1, b1, a2, b2)
    f = lambda p: stats.beta.pdf(p, a1, b1) * stats.beta.cdf(p, a2, b2)
    return sum(integrate.quad(f, lo, hi, epsabs=1e-15, epsrel=1e-13, limit=200)[0] for lo, hi in zip(pts, pts[1:]))


def integral(s1, n1, s2, n2):
    a1, b1, a2, b2 = 1 + s1, 1 + n1 - s1, 1 + s2, 1 + n2 - s2
    with mpmath.workdps(30):
        logb1 = mpmath.log(mpmath.beta(a1, b1))
        f = lambda p: mpmath.exp((a1 - 1) * mpmath.log(p) + (b1 - 1) * mpmath.log(1 - p) - logb1) if 0 < p < 1 else mpmath.mpf(0)
        F = lambda p: mpmath.betainc(a2, b2, 0, p, regularized=True)
        points = {mpmath.mpf(0), mpmath.mpf(1)}
        for a, b in ((a1, b1), (a2, b2)):
            mean = mpmath.mpf(a) / (a + b)
            sd = mpmath.sqrt(mean * (1 - mean) / (a + b + 1))
            for k in range(-12, 13):
                q = mean + k * sd / 2
                if 0 < q < 1:
                    points.add(q)
        return mpmath.quad(lambda p: f(p) * F(p), sorted(points))


large = [(1500, 10000, 4400, 30000), (1500, 10000, 1450, 10000), (160, 1600, 5000, 50000), (5000, 50000, 160, 1600)]
bayes = [(40, 500, 30, 200), (30, 200, 40, 500), (0, 0, 0, 0), (1, 10, 0, 10), (12, 100, 6, 100), (120, 1000, 100, 1000),
         (500, 10000, 550, 10000), (0, 5, 5, 5), (3, 4, 50, 400), (25, 300, 70, 700), (2, 10, 95, 1000)]
for s1, n1, s2, n2 in bayes:
    exact = miller(s1, n1, s2, n2)
    check = integral(s1, n1, s2, n2)
    if abs(exact - check) > mpmath.mpf("1e-15"):
        sys.exit(f"closed form and integral disagree for {(s1, n1, s2, n2)}: {exact} vs {check}")
    out("bayes_greater", (s1, n1, s2, n2), [exact])
for s1, n1, s2, n2 in large:
    exact = miller(s1, n1, s2, n2)
    check = integral_double(s1, n1, s2, n2)
    if abs(float(exact) - check) > 1e-10:
        sys.exit(f"closed form and integral disagree for {(s1, n1, s2, n2)}: {exact} vs {check}")
    out("bayes_greater", (s1, n1, s2, n2), [exact])
