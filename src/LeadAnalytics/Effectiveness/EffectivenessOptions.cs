using LeadAnalytics.Metrics;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Effectiveness;

/// <summary>How <see cref="EffectivenessAnalyzer.Summarize"/> breaks leads down, counts costs and judges segments.</summary>
public sealed class EffectivenessOptions
{
    /// <summary>The breakdown: one dimension or a pair (channel × strategy, channel × industry...). Default channel.
    /// <see cref="Dimension.Tag"/> is allowed; a lead then counts in each of its tags, so segments overlap.</summary>
    public IReadOnlyList<Dimension> Dimensions { get; init; } = new[] { Dimension.Channel };

    /// <summary>The acquisition period [from, to); <see langword="null"/> (default) for every lead acquired by as-of.</summary>
    public AcquisitionPeriod? Period { get; init; }

    /// <summary>A second period to compare with ("period over period"); <see langword="null"/> (default) for none.</summary>
    public AcquisitionPeriod? PreviousPeriod { get; init; }

    /// <summary>Where spend comes from. Default <see cref="CostSource.Auto"/>.</summary>
    public CostSource CostSource { get; init; } = CostSource.Auto;

    /// <summary>Converts a cost to the report currency (the table's); <see langword="null"/> (default) makes a cost in another
    /// currency an error (<see cref="CurrencyMismatchException"/>). Same shape as <c>LeadTableOptions.CurrencyConverter</c>.</summary>
    public Func<Money, Currency, Money>? CurrencyConverter { get; init; }

    /// <summary>An open lead with no activity for this long is stale ("presumed lost"). Default 30 days; zero turns it off.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Whether stale leads count as lost (true) or stay open (false, default). Either way they are also counted in
    /// <see cref="SegmentSummary.Stale"/>, and conversion (won / leads) does not change.</summary>
    public bool StaleCountsAsLost { get; init; }

    /// <summary>Confidence level of rate intervals. Default 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Interval method of rates. Default Wilson.</summary>
    public ProportionIntervalMethod IntervalMethod { get; init; } = ProportionIntervalMethod.Wilson;

    /// <summary>The test of each segment against the rest. Default <see cref="ProportionTestMethod.Auto"/> (Fisher for
    /// small expected counts, else the two-proportion z test).</summary>
    public ProportionTestMethod TestMethod { get; init; } = ProportionTestMethod.Auto;

    /// <summary>Quantile definition of medians and percentiles. Default R type 7.</summary>
    public QuantileMethod QuantileMethod { get; init; } = QuantileMethod.R7;

    /// <summary>Whether to compute the duration statistics: median cycle days, median days to win, speed to lead (median and
    /// 90th percentile). Default <see langword="true"/>. Off, they are <see langword="null"/> and the summary skips collecting
    /// and selecting the samples (about 40% of its time on a million leads); counts, money and rates are unchanged.</summary>
    public bool IncludeDurations { get; init; } = true;

    /// <summary>The metric segments are ranked by (a <see cref="MetricIds"/> id). Default <see cref="MetricIds.Leads"/>.</summary>
    public string RankBy { get; init; } = MetricIds.Leads;

    /// <summary>Rank descending (true) or ascending (false); <see langword="null"/> (default) ranks best first by the metric's
    /// <see cref="MetricDefinition.HigherIsBetter"/> (descending for neutral metrics). Undefined values rank last; ties by segment key.</summary>
    public bool? RankDescending { get; init; }

    /// <summary>Thresholds of the findings.</summary>
    public FindingRuleOptions Findings { get; init; } = new();

    /// <summary>At most this many ids of leads without cost are listed in <see cref="CostSummary.LeadsWithoutCostIds"/>
    /// (the count is always complete). Default 100.</summary>
    public int MaxListedLeadIds { get; init; } = 100;

    /// <summary>Gross margin as a fraction of revenue (0.3 for 30%) for segments without their own in
    /// <see cref="GrossMarginBySegment"/>; <see langword="null"/> (default) for none. With no margin, gross profit, profit ROI
    /// and profit per customer are undefined. At most 1; a negative margin (selling below cost) is allowed.</summary>
    public decimal? DefaultGrossMargin { get; init; }

    /// <summary>Gross margin per segment, keyed by <see cref="Findings.SegmentKey.Label"/> (ordinal), for example
    /// <c>{ ["行业展会"] = 0.45m }</c>; overrides <see cref="DefaultGrossMargin"/>. <see langword="null"/> (default) for none.</summary>
    public IReadOnlyDictionary<string, decimal>? GrossMarginBySegment { get; init; }

    /// <summary>How many threads may scan the rows: 1 (the default) for one; -1 for one per processor. The result is
    /// identical for every value: rows are split into contiguous chunks whose counts and minor-unit sums are added in chunk
    /// order, durations are written at the positions a single pass would use, and the cost remainders are still handed out
    /// by lead id (docs/performance.md).</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    // Below this many rows per chunk, threads cost more than they save. Tests lower it to exercise chunking on small data.
    internal int MinRowsPerChunk { get; init; } = Data.RowChunks.DefaultMinRowsPerChunk;

    internal int EffectiveParallelism => Data.RowChunks.Effective(MaxDegreeOfParallelism);

    /// <summary>The default options.</summary>
    public static EffectivenessOptions Default { get; } = new();
}
