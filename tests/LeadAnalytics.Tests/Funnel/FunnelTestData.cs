using System.Globalization;
using System.Text;
using LeadAnalytics.Funnel;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Tests.Funnel;

/// <summary>Leads placed by day offsets from <see cref="T0"/>, and a full text dump of results for exact comparisons.</summary>
internal static class FunnelTestData
{
    // A Monday, in China Standard Time like the template.
    public static readonly DateTimeOffset T0 = new(2023, 10, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static DateTimeOffset Day(double days) => T0.AddDays(days);

    public static DateTimeOffset? At(double? days) => days is { } d ? Day(d) : null;

    public static Lead Lead(
        string id, double acquired = 0, double? contacted = null, double? needs = null, double? proposal = null, double? negotiation = null,
        double? won = null, double? lost = null, string? channel = null, string? industry = null, double[]? followUps = null, params string[] tags)
    {
        var b = new LeadBuilder
        {
            Id = id,
            Channel = channel,
            Industry = industry,
            AcquiredAt = Day(acquired),
            ContactedAt = At(contacted),
            NeedsConfirmedAt = At(needs),
            ProposalSentAt = At(proposal),
            NegotiationAt = At(negotiation),
            WonAt = At(won),
            LostAt = At(lost),
        };
        foreach (var tag in tags)
        {
            b.Tags.Add(tag);
        }

        foreach (var f in followUps ?? Array.Empty<double>())
        {
            b.FollowUps.Add(new FollowUp(Day(f), FollowUpKind.Call));
        }

        return b.Build(LeadValidation.AllowChronologyFaults);
    }

    /// <summary>A segment's funnel and the funnel of the segment's leads analysed alone, described for comparison. They are
    /// equal except that a segment judges "recorded" against the whole data (docs/funnel.md, "Stages the data does not
    /// record"): when the subset alone has no date for a stage the whole data records, the bottleneck lines are left out.</summary>
    public static (string Expected, string Actual) SegmentVersusSubset(FunnelResult subset, FunnelResult segment)
    {
        if (subset.Stages.Select(s => s.IsRecorded).SequenceEqual(segment.Stages.Select(s => s.IsRecorded)))
        {
            return (Describe(subset), Describe(segment));
        }

        static string WithoutBottleneck(string text) => string.Join("\n", text.Split('\n').Where(l => !l.StartsWith("  bottleneck ", StringComparison.Ordinal)));
        return (WithoutBottleneck(Describe(subset)), WithoutBottleneck(Describe(segment)));
    }

    /// <summary>Counts per step as "entered advanced lost stale open expired unrecorded".</summary>
    public static string Counts(FunnelStep s) =>
        $"{s.Entered} {s.Advanced} {s.Lost} {s.Stale} {s.Open} {s.Expired} {s.Unrecorded}";

    public static long[] Reach(FunnelResult r) => r.Stages.Select(s => s.Reach).ToArray();

    public static string Describe(FunnelResult r)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"asOf {r.AsOf:O} leads {r.Leads} won {r.Won} faults {r.ChronologyFaults} overall {R(r.OverallConversion)} resolved {R(r.ResolvedOverallConversion)}\n");
        foreach (var s in r.Stages)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  stage {s.Index} {s.Stage.Name} {s.Reach} {R(s.ShareOfLeads)}\n");
        }

        foreach (var s in r.Steps)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  step {s.Index} {Counts(s)} all {R(s.AllLeads.Conversion)} {R(s.AllLeads.DropOff)} resolved {R(s.Resolved.Conversion)} {R(s.Resolved.DropOff)}");
            if (s.Duration is { } d)
            {
                sb.Append(CultureInfo.InvariantCulture, $" dur {d.Count} {d.NegativeExcluded} {d.Median?.Ticks} {d.NinetiethPercentile?.Ticks}");
            }

            if (s.Target is { } t)
            {
                sb.Append(CultureInfo.InvariantCulture, $" target {t.Target} {R(t.Observed)} {t.MeetsTarget} {T(t.Test)}");
            }

            sb.Append('\n');
        }

        if (r.Bottleneck is { } b)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  bottleneck {b.Step.Index} {T(b.VersusOtherSteps)} {T(b.AcrossSteps)} {b.IsSignificant}\n");
        }

        return sb.ToString();
    }

    public static string Describe(FunnelBreakdown b) =>
        Describe(b.Total) + string.Concat(b.Segments.Select(s => "segment " + s.Label + "\n" + Describe(s.Funnel)));

    public static string Describe(FunnelCohorts c) =>
        Describe(c.Total)
        + string.Concat(c.Cohorts.Select(x => $"cohort {x.Label} {x.Start:O} {x.End:O}\n" + Describe(x.Funnel)))
        + string.Concat(c.StepTrends.Select(t => $"trend {t.Index} {Series(t.AllLeads)} {Series(t.Resolved)}\n"));

    private static string Series(ConversionSeries s) => $"{string.Join(",", s.Conversion.Select(R))} {T(s.AcrossCohorts)} {T(s.Trend)}";

    private static string R(Rate r) => string.Format(CultureInfo.InvariantCulture, "{0}/{1}:{2:R}[{3:R},{4:R}]", r.Numerator, r.Denominator, r.Value, r.Lower, r.Upper);

    private static string T(HypothesisTestResult t) => string.Format(CultureInfo.InvariantCulture, "{0}:{1:R}:{2:R}:{3:R}", t.Test, t.Statistic, t.DegreesOfFreedom, t.PValue);
}
