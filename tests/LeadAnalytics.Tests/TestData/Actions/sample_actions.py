"""Reference counts for tests/LeadAnalytics.Tests/Actions/SampleDataActionTests.cs, computed with pandas straight from
samples/data/leads.csv (times are China Standard Time). Run: /usr/bin/python3 sample_actions.py [path to samples/data]

The evaluator's rules (docs/actions.md): a lead acquired in [from, to) is measured when it is at least 60 days old at as-of,
and only what happened within 60 days of its acquisition counts; a lead has reached a stage when that stage or a later one
is recorded by then (implied stages); conversion = won / leads, drop-off at NeedsConfirmed = 1 - reach(NeedsConfirmed) /
reach(Contacted). Two-proportion z test pooled (statsmodels proportions_ztest). Cost per acquisition: each monthly cost's part
inside the window, pro rata by time (period_end is an inclusive date), over the leads won within 60 days."""
import sys
import pandas as pd
from statsmodels.stats.proportion import proportions_ztest

root = sys.argv[1] if len(sys.argv) > 1 else "../../../../samples/data"
stages = ["acquired_at", "contacted_at", "needs_confirmed_at", "proposal_at", "negotiation_at", "won_at"]
d = pd.read_csv(f"{root}/leads.csv", parse_dates=stages)
as_of = pd.Timestamp("2024-01-15")
window = pd.Timedelta(days=60)


def furthest(row):
    cutoff = min(as_of, row.acquired_at + window)
    reached = [k for k, s in enumerate(stages) if pd.notna(row[s]) and row[s] <= cutoff]
    return max(reached)


def measure(frame, start, end, numerator_stage, denominator_stage, complement):
    cohort = frame[(frame.acquired_at >= start) & (frame.acquired_at < end) & (frame.acquired_at + window <= as_of)]
    f = cohort.apply(furthest, axis=1)
    entered = int((f >= denominator_stage).sum())
    advanced = int((f >= numerator_stage).sum())
    return (entered - advanced if complement else advanced), entered


a1_after = measure(d, "2023-10-15", "2023-11-16", 2, 1, True)
a1_before = measure(d, "2023-07-01", "2023-10-15", 2, 1, True)
douyin = d[d.channel == "抖音信息流"]
a2_after = measure(douyin, "2023-11-01", "2023-12-01", 5, 0, False)
a2_before = measure(douyin, "2023-08-03", "2023-11-01", 5, 0, False)
for name, after, before in (("A1", a1_after, a1_before), ("A2", a2_after, a2_before)):
    z, p = proportions_ztest([after[0], before[0]], [after[1], before[1]])
    print(f"{name}: after {after[0]}/{after[1]}, before {before[0]}/{before[1]}, z = {z:.15g}, p = {p:.15g}")


# A3: trade-show cost per acquisition over the default baseline window, the 90 days before 2023-11-15.
costs = pd.read_csv(f"{root}/costs.csv", parse_dates=["period_start", "period_end"])
booth = costs[costs.key == "行业展会"]
start, end = pd.Timestamp("2023-08-17"), pd.Timestamp("2023-11-15")
spend = 0.0
for _, c in booth.iterrows():
    period_end = c.period_end + pd.Timedelta(days=1)
    overlap = (min(end, period_end) - max(start, c.period_start)) / (period_end - c.period_start)
    spend += c.amount * max(overlap, 0)
show = d[(d.channel == "行业展会") & (d.acquired_at >= start) & (d.acquired_at < end)]
won = int((show.apply(furthest, axis=1) == 5).sum())
print(f"A3 baseline: spend {spend:.2f}, leads {len(show)}, won {won}, cost per acquisition {spend / won:.6f}")
