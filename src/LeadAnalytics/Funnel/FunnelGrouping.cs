using LeadAnalytics.Data;

namespace LeadAnalytics.Funnel;

/// <summary>How a funnel is split into segments: not at all, by one or two dimensions, or by acquisition cohort.</summary>
/// <remarks>Immutable and thread-safe; equality by value.</remarks>
public sealed class FunnelGrouping : IEquatable<FunnelGrouping>
{
    private readonly Dimension[] _dimensions;

    private FunnelGrouping(Dimension[] dimensions, CohortPeriod? cohort)
    {
        _dimensions = dimensions;
        Cohort = cohort;
    }

    /// <summary>The whole funnel, no segments.</summary>
    public static FunnelGrouping Total { get; } = new(Array.Empty<Dimension>(), null);

    /// <summary>The dimensions, in order (empty for the total and for cohorts; the one dimension for cohorts within segments).</summary>
    public IReadOnlyList<Dimension> Dimensions => _dimensions;

    /// <summary>The cohort period, or <see langword="null"/> when not grouping by cohort.</summary>
    public CohortPeriod? Cohort { get; }

    /// <summary>Segments by one dimension. For <see cref="Dimension.Tag"/> a lead counts in each of its tags (and in
    /// the missing-tag segment when it has none), so segments overlap and need not sum to the total.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>The grouping.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The dimension is undefined.</exception>
    public static FunnelGrouping By(Dimension dimension) => new(new[] { Check(dimension, nameof(dimension)) }, null);

    /// <summary>Segments by every observed combination of two dimensions (at most one of them <see cref="Dimension.Tag"/>).</summary>
    /// <param name="first">The first dimension.</param>
    /// <param name="second">The second dimension, different from the first.</param>
    /// <returns>The grouping.</returns>
    /// <exception cref="ArgumentException">The dimensions are the same.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is undefined.</exception>
    public static FunnelGrouping By(Dimension first, Dimension second)
    {
        Check(first, nameof(first));
        Check(second, nameof(second));
        if (first == second)
        {
            throw new ArgumentException($"A breakdown by two dimensions needs two different ones (both were {first}).", nameof(second));
        }

        return new FunnelGrouping(new[] { first, second }, null);
    }

    /// <summary>Segments by acquisition period (cohort), in time order.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The grouping.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The period is undefined.</exception>
    public static FunnelGrouping ByCohort(CohortPeriod period)
    {
        if ((uint)period > (uint)CohortPeriod.Quarter)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown cohort period.");
        }

        return new FunnelGrouping(Array.Empty<Dimension>(), period);
    }

    /// <summary>Acquisition cohorts within each value of one dimension (cohort × segment cells), in time order: each cell's
    /// projected conversion borrows from its own segment's leads (docs/funnel.md, "Cohorts within segments").</summary>
    /// <param name="period">The period.</param>
    /// <param name="dimension">The dimension (not <see cref="Dimension.Tag"/>: a lead has one cell).</param>
    /// <returns>The grouping.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The period or the dimension is undefined.</exception>
    /// <exception cref="ArgumentException">The dimension is <see cref="Dimension.Tag"/>.</exception>
    public static FunnelGrouping ByCohort(CohortPeriod period, Dimension dimension)
    {
        var cohorts = ByCohort(period);
        if (Check(dimension, nameof(dimension)) == Dimension.Tag)
        {
            throw new ArgumentException("Cohorts within segments need a dimension other than Tag (a lead has one value).", nameof(dimension));
        }

        return new FunnelGrouping(new[] { dimension }, cohorts.Cohort);
    }

    /// <inheritdoc />
    public bool Equals(FunnelGrouping? other) => other is not null && Cohort == other.Cohort && _dimensions.SequenceEqual(other._dimensions);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FunnelGrouping);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = Cohort is { } c ? 1000 + (int)c : 17;
        foreach (var d in _dimensions)
        {
            hash = unchecked((hash * 31) + (int)d);
        }

        return hash;
    }

    /// <summary>Describes the grouping.</summary>
    /// <returns>For example <c>Channel x Industry</c>, <c>cohort by Month</c> or <c>total</c>.</returns>
    public override string ToString() =>
        Cohort is { } c ? "cohort by " + c + (_dimensions.Length == 1 ? " x " + _dimensions[0] : string.Empty) : _dimensions.Length == 0 ? "total" : string.Join(" x ", _dimensions);

    // The grouping a scope asks for: its cohorts, its dimensions (crossed), or the total only.
    internal static FunnelGrouping Of(AnalysisScope scope) =>
        scope.Cohort is { } period ? ByCohort(period)
        : scope.Breakdown.Count == 0 ? Total
        : scope.Breakdown.Count == 1 ? By(scope.Breakdown[0])
        : By(scope.Breakdown[0], scope.Breakdown[1]);

    private static Dimension Check(Dimension dimension, string name)
    {
        if ((uint)dimension > (uint)Dimension.Tag)
        {
            throw new ArgumentOutOfRangeException(name, dimension, "Unknown dimension.");
        }

        return dimension;
    }
}
