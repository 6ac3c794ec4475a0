#!/usr/bin/python3
"""Independent reference values for tests/LeadAnalytics.Tests/Attribution/CyclesGoldenTests.cs.

Reads cycles_paths.csv (path;conversions;value;nulls) and writes cycles_golden.csv with, per model and channel, the credited
conversions, the credited value in cents (largest remainder, ties to the ordinally smaller channel) and, for Markov, the removal
effects. Written from the definitions in docs/attribution.md, sharing no code with the library: the Markov chain is built
from the paths here and solved with numpy.linalg.solve.

Run: /usr/bin/python3 make_cycles_golden.py   (Debian python3-numpy)
"""
import csv, os
from decimal import Decimal, ROUND_FLOOR, ROUND_HALF_UP
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rows = []
with open(os.path.join(HERE, "cycles_paths.csv")) as f:
    r = csv.reader(f, delimiter=";")
    next(r)
    for path, conv, value, nulls in r:
        rows.append(([s.strip() for s in path.split(">")], float(conv), Decimal(value), float(nulls)))

channels = sorted({s for p, _, _, _ in rows for s in p})
total_conv = sum(c for _, c, _, _ in rows)
total_value = sum((v for _, _, v, _ in rows), Decimal(0)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def allocate(weights):
    """Largest remainder in cents; remainders compared at 1e-6 cent, ties to the ordinally smaller channel."""
    units = int(total_value * 100)
    total = sum(weights.values())
    raw = {c: (Decimal(weights[c] / total) * units).quantize(Decimal("0.000001"), ROUND_HALF_UP) if weights[c] > 0 else Decimal(0) for c in channels}
    floors = {c: int(raw[c].to_integral_value(ROUND_FLOOR)) for c in channels}
    left = units - sum(floors.values())
    order = sorted(channels, key=lambda c: (not weights[c] > 0, -(raw[c] - floors[c]), c))
    for c in order[:left]:
        floors[c] += 1
    return {c: Decimal(floors[c]) / 100 for c in channels}


def rule_based(share_fn):
    conv = {c: 0.0 for c in channels}
    val = {c: 0.0 for c in channels}
    for p, c, v, _ in rows:
        if c == 0:
            continue
        for i, s in enumerate(share_fn(p)):
            conv[p[i]] += c * s
            val[p[i]] += float(v) * s
    return conv, allocate(val), None, None


def position(p):
    n = len(p)
    if n == 1:
        return [1.0]
    if n == 2:
        return [0.5, 0.5]
    return [0.4] + [0.2 / (n - 2)] * (n - 2) + [0.4]


def last_non_direct(p):
    idx = max([i for i, s in enumerate(p) if s != "direct"], default=len(p) - 1)
    return [1.0 if i == idx else 0.0 for i in range(len(p))]


def shapley():
    conv = {c: 0.0 for c in channels}
    val = {c: 0.0 for c in channels}
    for p, c, v, _ in rows:
        s = sorted(set(p))
        for ch in s:
            conv[ch] += c / len(s)
            val[ch] += float(v) / len(s)
    return conv, allocate(val), None, None


def markov(order=1, collapse=True, use_nulls=True, value_rule="share"):
    counts = {}
    last_val, last_conv = {}, {}

    def add(a, b, w):
        counts[(a, b)] = counts.get((a, b), 0.0) + w

    for p, c, v, n in rows:
        n = n if use_nulls else 0.0
        if c + n == 0:
            continue
        q = [s for i, s in enumerate(p) if not collapse or i == 0 or p[i - 1] != s]
        states = [tuple(q)] if len(q) <= order else [tuple(q[i:i + order]) for i in range(len(q) - order + 1)]
        prev = "start"
        for s in states:
            add(prev, s, c + n)
            prev = s
        if c > 0:
            add(prev, "conv", c)
            last_val[prev] = last_val.get(prev, Decimal(0)) + v
            last_conv[prev] = last_conv.get(prev, 0.0) + c
        if n > 0:
            add(prev, "null", n)
    transient = sorted({a for a, _ in counts if a != "start"} | {b for _, b in counts if b not in ("conv", "null")})
    out = {}
    for (a, b), w in counts.items():
        out[a] = out.get(a, 0.0) + w
    mean = {s: float(last_val[s] / Decimal(last_conv[s])) if s in last_conv else 0.0 for s in transient}

    def absorb(removed):
        keep = [s for s in transient if removed not in s]
        ix = {s: i for i, s in enumerate(keep)}
        m = len(keep)
        A = np.eye(m)
        r = np.zeros(m)
        rv = np.zeros(m)
        for (a, b), w in counts.items():
            if a in ix:
                pr = w / out[a]
                if b == "conv":
                    r[ix[a]] += pr
                    rv[ix[a]] += pr * mean[a]
                elif b in ix:
                    A[ix[a], ix[b]] -= pr
        x = np.linalg.solve(A, r) if m else r
        xv = np.linalg.solve(A, rv) if m else rv
        P = sum(w / out["start"] * x[ix[b]] for (a, b), w in counts.items() if a == "start" and b in ix)
        V = sum(w / out["start"] * xv[ix[b]] for (a, b), w in counts.items() if a == "start" and b in ix)
        return P, V

    P, V = absorb(None)
    re = {c: min(1.0, max(0.0, 1 - absorb(c)[0] / P)) for c in channels}
    rev = {c: min(1.0, max(0.0, 1 - absorb(c)[1] / V)) for c in channels}
    s = sum(re.values())
    conv = {c: re[c] / s * total_conv for c in channels}
    return conv, allocate(rev if value_rule == "mean" else re), re, rev


models = {
    "FirstTouch": rule_based(lambda p: [1.0] + [0.0] * (len(p) - 1)),
    "LastTouch": rule_based(lambda p: [0.0] * (len(p) - 1) + [1.0]),
    "LastNonDirect": rule_based(last_non_direct),
    "Linear": rule_based(lambda p: [1.0 / len(p)] * len(p)),
    "PositionBased": rule_based(position),
    "Shapley": shapley(),
    "Markov": markov(),
    "Markov_LastStateMeanValue": markov(value_rule="mean"),
    "Markov_NoCollapse": markov(collapse=False),
    "Markov_NoNulls": markov(use_nulls=False),
    "Markov_Order2": markov(order=2),
    "Markov_Order2_NoCollapse": markov(order=2, collapse=False),
}

with open(os.path.join(HERE, "cycles_golden.csv"), "w") as f:
    f.write("model;channel;conversions;value;removal_effect;value_removal_effect\n")
    for name, (conv, val, re, rev) in models.items():
        for c in channels:
            f.write(f"{name};{c};{conv[c]!r};{val[c]};{'' if re is None else repr(re[c])};{'' if rev is None else repr(rev[c])}\n")
print(f"total conversions {total_conv}, total value {total_value}")
