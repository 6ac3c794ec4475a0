namespace LeadAnalytics.Attribution;

/// <summary>The credit one model gives every key, with the totals it conserves and what the input dropped.</summary>
/// <remarks>
/// <para>Immutable and thread-safe. Credited conversions sum to <see cref="TotalConversions"/> (to rounding of doubles) and credited
/// values sum exactly to <see cref="TotalValue"/> (largest-remainder rounding to the minor unit, ties to the ordinally smaller key).</para>
/// <para><see cref="Credits"/> lists every key that occurs in a journey, converting or not, in ordinal order of the key.</para>
/// </remarks>
public sealed class AttributionResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="model">The model.</param>
    /// <param name="totalConversions">Conversions of the journeys with at least one touch.</param>
    /// <param name="totalValue">Their value, rounded to the minor unit.</param>
    /// <param name="credits">Credit per key.</param>
    /// <param name="markov">Markov details, or <see langword="null"/>.</param>
    /// <param name="journeyCount">Journeys (leads or paths) with at least one touch.</param>
    /// <param name="unattributedConversions">Conversions of journeys with no touch to credit.</param>
    /// <param name="unattributedValue">Their value.</param>
    /// <param name="droppedTouchpoints">Touchpoints outside the lookback window or after their journey ended.</param>
    /// <param name="unmatchedTouchpoints">Touchpoints of no known lead (or of a lead acquired after the as-of instant).</param>
    /// <param name="period">The acquisition period of the leads whose journeys were credited; all time when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="credits"/> is null.</exception>
    public AttributionResult(
        AttributionModel model,
        double totalConversions,
        Money totalValue,
        IReadOnlyList<ChannelCredit> credits,
        MarkovDetails? markov,
        int journeyCount,
        double unattributedConversions,
        Money unattributedValue,
        int droppedTouchpoints,
        int unmatchedTouchpoints,
        Data.AcquisitionPeriod? period = null)
    {
        Model = model;
        TotalConversions = totalConversions;
        TotalValue = totalValue;
        Credits = Preconditions.CheckNotNull(credits);
        Markov = markov;
        JourneyCount = journeyCount;
        UnattributedConversions = unattributedConversions;
        UnattributedValue = unattributedValue;
        DroppedTouchpoints = droppedTouchpoints;
        UnmatchedTouchpoints = unmatchedTouchpoints;
        Period = period ?? Data.AcquisitionPeriod.AllTime;
    }

    /// <summary>The model.</summary>
    public AttributionModel Model { get; }

    /// <summary>Conversions of the journeys with at least one touch: what the credits share.</summary>
    public double TotalConversions { get; }

    /// <summary>Value of those conversions, rounded to the currency's minor unit (half away from zero): what the credits share.</summary>
    public Money TotalValue { get; }

    /// <summary>Credit per key, in ordinal order of the key.</summary>
    public IReadOnlyList<ChannelCredit> Credits { get; }

    /// <summary>For <see cref="AttributionModel.Markov"/>: the fitted chain; otherwise <see langword="null"/>.</summary>
    public MarkovDetails? Markov { get; }

    /// <summary>Journeys (leads or aggregated paths) with at least one touch.</summary>
    public int JourneyCount { get; }

    /// <summary>Conversions that no touch can take: won leads whose touches all fell outside the lookback window (or that had none
    /// and no usable source). Not part of <see cref="TotalConversions"/>.</summary>
    public double UnattributedConversions { get; }

    /// <summary>Value of <see cref="UnattributedConversions"/>, unrounded.</summary>
    public Money UnattributedValue { get; }

    /// <summary>Touchpoints ignored because they were outside the lookback window or after their journey ended (conversion, loss or as-of).</summary>
    public int DroppedTouchpoints { get; }

    /// <summary>Touchpoints ignored because no analysed lead has their journey id.</summary>
    public int UnmatchedTouchpoints { get; }

    /// <summary>The acquisition period of the leads whose journeys were credited (<see cref="Data.AnalysisScope.Period"/> of the
    /// options' scope): touches of leads acquired outside it count as unmatched. <see cref="Data.AcquisitionPeriod.AllTime"/>
    /// when the journeys were not limited (always, for aggregated paths).</summary>
    public Data.AcquisitionPeriod Period { get; }

    /// <summary>The bootstrap settings behind <see cref="ChannelCredit.Interval"/> (replicates, seed, method);
    /// <see langword="null"/> when intervals were not asked for.</summary>
    public AttributionIntervalOptions? Intervals { get; private set; }

    /// <summary>The confidence level of <see cref="ChannelCredit.Interval"/> and of <see cref="Difference"/>
    /// (<see cref="Data.AnalysisScope.Confidence"/> of the options' scope); <see langword="null"/> when intervals were not
    /// asked for.</summary>
    public double? IntervalConfidence { get; private set; }

    /// <summary>Credited conversions per replicate and key (internal: tests and <see cref="Difference"/>).</summary>
    internal double[][]? ReplicateConversions { get; private set; }

    /// <summary>Credited values per replicate and key, and each replicate's total value, to check conservation in tests.</summary>
    internal decimal[][]? ReplicateValues { get; private set; }

    internal decimal[]? ReplicateTotals { get; private set; }

    /// <summary>The difference between two keys' credited conversions, with its bootstrap interval.</summary>
    /// <param name="first">The first key.</param>
    /// <param name="second">The second key.</param>
    /// <returns>First minus second, its interval (the method and level of the credit intervals) and how often first is ahead.</returns>
    /// <exception cref="InvalidOperationException">The result has no intervals.</exception>
    /// <exception cref="KeyNotFoundException">A key is not in the result.</exception>
    public CreditDifference Difference(string first, string second)
    {
        if (Intervals is null || IntervalConfidence is not { } confidence || ReplicateConversions is null)
        {
            throw new InvalidOperationException("The result has no bootstrap replicates; set AttributionOptions.Intervals.");
        }

        var a = IndexOf(first);
        var b = IndexOf(second);
        var sample = new double[ReplicateConversions.Length];
        var ahead = 0;
        for (var r = 0; r < sample.Length; r++)
        {
            sample[r] = ReplicateConversions[r][a] - ReplicateConversions[r][b];
            ahead += sample[r] > 0 ? 1 : 0;
        }

        var estimate = Credits[a].Conversions - Credits[b].Conversions;
        var (lower, upper) = AttributionBootstrap.Limits(sample, estimate, null, confidence, AttributionIntervalMethod.Percentile);
        return new CreditDifference(first, second, estimate, lower, upper, ahead / (double)sample.Length);
    }

    /// <summary>The credits ranked: most credited conversions first, ties in ordinal key order. The one ranking behind
    /// <see cref="CreditInterval.TopOneShare"/>, <see cref="AdjacentDifferences"/> and every "is the ranking sure?" table.</summary>
    /// <returns>The credits, ranked.</returns>
    public IReadOnlyList<ChannelCredit> Ranked() =>
        Credits.OrderByDescending(c => c.Conversions).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();

    /// <summary>Each key against the next one down the ranking (<see cref="Ranked"/>), with the difference's interval: "is the
    /// first channel really ahead of the second?"</summary>
    /// <returns>One difference per adjacent pair, best ranked first (empty with fewer than two keys).</returns>
    /// <exception cref="InvalidOperationException">The result has no intervals.</exception>
    public IReadOnlyList<CreditDifference> AdjacentDifferences()
    {
        if (Intervals is null)
        {
            throw new InvalidOperationException("The result has no bootstrap replicates; set AttributionOptions.Intervals.");
        }

        var ranked = Ranked();
        var list = new List<CreditDifference>(Math.Max(0, ranked.Count - 1));

        for (var i = 0; i + 1 < ranked.Count; i++)
        {
            list.Add(Difference(ranked[i].Key, ranked[i + 1].Key));
        }

        return list;
    }

    internal AttributionResult WithIntervals(
        IReadOnlyList<ChannelCredit> credits, AttributionIntervalOptions settings, double confidence, double[][] replicates, decimal[][] replicateValues,
        decimal[] replicateTotals) =>
        new(Model, TotalConversions, TotalValue, credits, Markov, JourneyCount, UnattributedConversions, UnattributedValue, DroppedTouchpoints, UnmatchedTouchpoints, Period)
        {
            Intervals = settings,
            IntervalConfidence = confidence,
            ReplicateConversions = replicates,
            ReplicateValues = replicateValues,
            ReplicateTotals = replicateTotals,
        };

    private int IndexOf(string key)
    {
        for (var i = 0; i < Credits.Count; i++)
        {
            if (string.Equals(Credits[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"'{key}' is not a key of the result.");
    }

    /// <summary>The credit of one key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Its line, or <see langword="null"/> when the key occurs in no journey.</returns>
    public ChannelCredit? Find(string key)
    {
        foreach (var credit in Credits)
        {
            if (string.Equals(credit.Key, key, StringComparison.Ordinal))
            {
                return credit;
            }
        }

        return null;
    }
}
