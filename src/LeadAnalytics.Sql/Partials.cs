using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;

namespace LeadAnalytics.Sql;

/// <summary>Turns the database's replies into the engines' own partials (the types <c>AnalyzePartition</c> returns), so a
/// pushed-down partial merges with in-memory ones and finishes through the same result code.</summary>
internal static class Partials
{
    internal static PeriodTally Period(EffectivenessSums sums, AcquisitionPeriod period, IReadOnlyList<Dimension> dimensions, bool durations, bool maturity)
    {
        var segments = new Dictionary<SegmentKey, SegmentTally>();
        foreach (var pair in sums.Segments)
        {
            var values = dimensions.Count == 1 ? new[] { pair.Key.First } : new[] { pair.Key.First, pair.Key.Second };
            segments.Add(new SegmentKey(dimensions, values), Tally(pair.Value, durations, maturity));
        }

        var total = sums.Total();
        return new PeriodTally(period, segments, Tally(total, durations, maturity), false, total.SpendMinor, checked((int)(total.Leads - total.LeadsWithCost)),
            sums.IdsWithoutCost, null);
    }

    internal static CycleTally Tally(CycleGroupSums sums)
    {
        var counts = new long[CycleTally.CountSlots];
        counts[CycleTally.Leads] = sums.Leads;
        counts[CycleTally.Won] = sums.Won;
        counts[CycleTally.Lost] = sums.Lost;
        counts[CycleTally.Open] = sums.Open;
        counts[CycleTally.Stale] = sums.Stale;
        counts[CycleTally.Negative] = sums.Negative;
        counts[CycleTally.NegativeWon] = sums.NegativeWon;
        counts[CycleTally.NegativeLost] = sums.NegativeLost;
        var outcomes = new DurationCounts[sums.Outcomes.Length];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = DurationCounts.FromPairs(sums.Outcomes[i]);
        }

        var transitions = new DurationCounts[sums.Transitions.Length];
        for (var k = 0; k < transitions.Length; k++)
        {
            transitions[k] = sums.Transitions[k] is { } list ? DurationCounts.FromPairs(list) : DurationCounts.Empty;
        }

        return new CycleTally(counts, outcomes, transitions, (long[])sums.TransitionNegatives.Clone());
    }

    private static SegmentTally Tally(SegmentSums s, bool durations, bool maturity)
    {
        var figures = new SegmentFigures
        {
            Leads = checked((int)s.Leads),
            Won = checked((int)s.Won),
            Lost = checked((int)s.Lost),
            Open = checked((int)s.Open),
            Stale = checked((int)s.Stale),
            RevenueMinor = s.RevenueMinor,
            WonWithAmount = checked((int)s.WonWithAmount),
            SpendMinor = s.SpendMinor,
            LeadsWithCost = checked((int)s.LeadsWithCost),
            NegativeDurations = checked((int)s.NegativeDurations),
        };
        return new SegmentTally(figures, durations
            ? new SegmentDurations(DurationCounts.FromPairs(s.Cycle), DurationCounts.FromPairs(s.Win), DurationCounts.FromPairs(s.Speed))
            : null, maturity ? Maturity(s) : null);
    }

    // The in-memory tally's sorted keys (one per lead), expanded from the (key, leads) runs the database counted.
    private static MaturityTally Maturity(SegmentSums s)
    {
        if (s.Maturity.Count == 0 && s.Mature == 0)
        {
            return MaturityTally.Empty;
        }

        var runs = s.Maturity.ToArray();
        Array.Sort(runs, (x, y) => x.Key.CompareTo(y.Key));
        long leads = 0;
        foreach (var run in runs)
        {
            leads += run.Value;
        }

        var keys = new long[checked((int)leads)];
        var k = 0;
        foreach (var run in runs)
        {
            for (var i = 0L; i < run.Value; i++)
            {
                keys[k++] = run.Key;
            }
        }

        return new MaturityTally(keys, s.Mature);
    }
}
