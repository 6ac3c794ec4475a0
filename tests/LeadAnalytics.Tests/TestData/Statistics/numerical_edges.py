"""Reference values for tests/LeadAnalytics.Tests/Statistics/NumericalEdgeTests.cs, in exact or 40-digit arithmetic.

Run: python3 numerical_edges.py   (Python 3 with mpmath). Prints the values asserted in the tests.
"""
from fractions import Fraction
from math import comb

import mpmath

mpmath.mp.dps = 40


def probability_greater(s1, n1, s2, n2):
    """P(p1 > p2) under Beta(1, 1) priors by Evan Miller's closed form, summed in exact rational arithmetic."""
    a1, b1, a2, b2 = 1 + s1, 1 + n1 - s1, 1 + s2, 1 + n2 - s2

    def beta(a, b):  # B(a, b) = (a - 1)! (b - 1)! / (a + b - 1)! for integers
        return Fraction(1, comb(a + b - 2, a - 1) * (a + b - 1))

    b_a2_b2 = beta(a2, b2)
    total = sum(beta(a2 + i, b1 + b2) / ((b1 + i) * beta(1 + i, b1) * b_a2_b2) for i in range(a1))
    return mpmath.mpf(total.numerator) / total.denominator


def beta_quantile(p, a, b):
    """The p-quantile of Beta(a, b) by bisection on mpmath's regularised incomplete beta (400 halvings)."""
    lo, hi = mpmath.mpf(0), mpmath.mpf(1)
    for _ in range(400):
        mid = mpmath.sqrt(lo * hi) if lo > 0 and hi / lo > 4 else (hi / 16 if lo == 0 and hi < 1e-3 else (lo + hi) / 2)
        if mpmath.betainc(a, b, 0, mid, regularized=True) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


for args in [(10, 10000, 5, 10), (1001, 1100, 1200, 1210), (1, 100, 50, 100)]:
    print("bayes_greater", args, mpmath.nstr(probability_greater(*args), 22))
print("jeffreys(0, 1000) lower", mpmath.nstr(beta_quantile(mpmath.mpf("0.025"), mpmath.mpf("0.5"), mpmath.mpf("1000.5")), 22))
print("clopper_pearson(1, 1e6) lower", mpmath.nstr(-mpmath.expm1(mpmath.log1p(-mpmath.mpf("0.025")) / 1000000), 22))
print("31 exp(-30)", mpmath.nstr(31 * mpmath.exp(-30), 22))
