using LeadAnalytics.Data;
using LeadAnalytics.Metrics;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Effectiveness;

/// <summary>How <see cref="EffectivenessAnalyzer.Analyze"/> breaks leads down, counts costs and judges segments.</summary>
public sealed class EffectivenessOptions
{
    /// <summary>The scope by default: by channel, otherwise <see cref="AnalysisScope.Default"/>.</summary>
    internal static readonly AnalysisScope ByChannel = new() { Breakdown = new[] { Dimension.Channel } };

    private AnalysisScope _scope = ByChannel;

    /// <summary>The shared part. Its breakdown is one dimension or a pair (channel × strategy, channel × industry...), by
    /// channel unless set; <see cref="Dimension.Tag"/> is allowed (a lead then counts in each of its tags, so segments
    /// overlap). Its period is the report period [from, to). Stale leads are counted in <see cref="SegmentSummary.Stale"/>
    /// either way, and in <see cref="SegmentSummary.Lost"/> when the treatment is as lost (the default).</summary>
    public AnalysisScope Scope
    {
        get => _scope;
        init => _scope = value ?? ByChannel;
    }

    /// <summary>The costs table (scope, key, half-open period, amount), or <see langword="null"/> (the default) to use
    /// per-lead acquisition costs (see <see cref="CostSource"/>).</summary>
    public IReadOnlyList<CostEntry>? Costs { get; init; }

    /// <summary>A second period to compare with ("period over period"); <see langword="null"/> (default) for none.</summary>
    public AcquisitionPeriod? PreviousPeriod { get; init; }

    /// <summary>Where spend comes from. Default <see cref="CostSource.Auto"/>.</summary>
    public CostSource CostSource { get; init; } = CostSource.Auto;

    /// <summary>Converts a cost to the report currency (the table's); <see langword="null"/> (default) makes a cost in another
    /// currency an error (<see cref="CurrencyMismatchException"/>). Same shape as <c>LeadTableOptions.CurrencyConverter</c>.</summary>
    public Func<Money, Currency, Money>? CurrencyConverter { get; init; }

    /// <summary>The test of each segment against the rest. Default <see cref="ProportionTestMethod.Auto"/> (Fisher for
    /// small expected counts, else the two-proportion z test).</summary>
    public ProportionTestMethod TestMethod { get; init; } = ProportionTestMethod.Auto;

    /// <summary>Quantile definition of medians and percentiles. Default R type 7.</summary>
    public QuantileMethod QuantileMethod { get; init; } = QuantileMethod.R7;

    /// <summary>Whether to compute the duration statistics: median cycle days, median days to win, speed to lead (median and
    /// 90th percentile). Default <see langword="true"/>. Off, they are <see langword="null"/> and the summary skips collecting
    /// and selecting the samples (about 40% of its time on a million leads); counts, money and rates are unchanged.</summary>
    public bool IncludeDurations { get; init; } = true;

    /// <summary>Whether each segment (and the totals row) carries its maturity and projected conversion at
    /// <see cref="MaturityWindow"/> (<see cref="SegmentSummary.Maturity"/>; docs/effectiveness.md). Default
    /// <see langword="true"/>; off, <see cref="SegmentSummary.Maturity"/> is <see langword="null"/> and the summary skips
    /// collecting and sorting every lead's outcome time.</summary>
    public bool IncludeMaturity { get; init; } = true;

    /// <summary>The conversion window W of the maturity and projected conversion; <see langword="null"/> (the default) means
    /// <see cref="Funnel.FunnelOptions.DefaultMaturityWindow"/> (90 days). At least one second.</summary>
    public TimeSpan? MaturityWindow { get; init; }

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

    /// <summary>Gross margin per segment, keyed by <see cref="SegmentKey.Label"/> (ordinal), for example
    /// <c>{ ["行业展会"] = 0.45m }</c>; overrides <see cref="DefaultGrossMargin"/>. <see langword="null"/> (default) for none.</summary>
    public IReadOnlyDictionary<string, decimal>? GrossMarginBySegment { get; init; }

    internal int EffectiveParallelism => Scope.EffectiveParallelism;

    internal int MinRowsPerChunk => Scope.MinRowsPerChunk;

    internal double Confidence => Scope.Confidence;

    internal long MaturityWindowSeconds => (long)Math.Floor((MaturityWindow ?? Funnel.FunnelOptions.DefaultMaturityWindow).TotalSeconds);

    internal ProportionIntervalMethod IntervalMethod => Scope.IntervalMethod;

    internal bool StaleCountsAsLost => Scope.StaleCountsAsLost;

    /// <summary>The default options.</summary>
    public static EffectivenessOptions Default { get; } = new();

    // Partials merge only when everything that shapes the result is the same (the thread count aside).
    internal bool IsEquivalentTo(EffectivenessOptions other) =>
        ReferenceEquals(this, other)
        || (Scope.IsEquivalentTo(other.Scope) && Equals(PreviousPeriod, other.PreviousPeriod) && CostSource == other.CostSource
            && ReferenceEquals(CurrencyConverter, other.CurrencyConverter) && TestMethod == other.TestMethod && QuantileMethod == other.QuantileMethod
            && IncludeDurations == other.IncludeDurations && IncludeMaturity == other.IncludeMaturity && MaturityWindow == other.MaturityWindow
            && string.Equals(RankBy, other.RankBy, StringComparison.Ordinal) && RankDescending == other.RankDescending
            && Findings.IsEquivalentTo(other.Findings) && MaxListedLeadIds == other.MaxListedLeadIds && DefaultGrossMargin == other.DefaultGrossMargin
            && SameMargins(GrossMarginBySegment, other.GrossMarginBySegment));

    private static bool SameMargins(IReadOnlyDictionary<string, decimal>? a, IReadOnlyDictionary<string, decimal>? b)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0))
        {
            return false;
        }

        foreach (var pair in a ?? new Dictionary<string, decimal>())
        {
            if (!b!.TryGetValue(pair.Key, out var v) || v != pair.Value)
            {
                return false;
            }
        }

        return true;
    }

    // The same rules with other costs (callers that hold costs apart from the rules).
    internal EffectivenessOptions WithCosts(IReadOnlyList<CostEntry>? costs) => Copy(costs, IncludeMaturity);

    // The same rules without the maturity (sources that cannot compute it, such as the SQL push-down), so that their partitions
    // do not merge with partitions that carry it.
    internal EffectivenessOptions WithoutMaturity() => IncludeMaturity ? Copy(Costs, includeMaturity: false) : this;

    private EffectivenessOptions Copy(IReadOnlyList<CostEntry>? costs, bool includeMaturity) => new()
    {
        Scope = Scope,
        Costs = costs,
        PreviousPeriod = PreviousPeriod,
        CostSource = CostSource,
        CurrencyConverter = CurrencyConverter,
        TestMethod = TestMethod,
        QuantileMethod = QuantileMethod,
        IncludeDurations = IncludeDurations,
        IncludeMaturity = includeMaturity,
        MaturityWindow = MaturityWindow,
        RankBy = RankBy,
        RankDescending = RankDescending,
        Findings = Findings,
        MaxListedLeadIds = MaxListedLeadIds,
        DefaultGrossMargin = DefaultGrossMargin,
        GrossMarginBySegment = GrossMarginBySegment,
    };
}
