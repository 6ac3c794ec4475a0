using LeadAnalytics.Data;

namespace LeadAnalytics.Attribution;

/// <summary>
/// Attribution: which channels (or strategies, or contents) deserve the credit for conversions and their value. The entry point
/// of the engine; every model of <see cref="AttributionModel"/>, one at a time or side by side.
/// </summary>
/// <remarks>
/// <para>Pure and thread-safe: no clock, no I/O, no shared state. The output does not depend on the order of the input.</para>
/// <para>Every model conserves credit: credited conversions sum to the total conversions of the journeys with at least one touch
/// (to 1e-9), and credited values sum exactly to their total value rounded to the currency's minor unit (largest remainder).</para>
/// <para>docs/attribution.md defines the models with worked examples and compares them with ChannelAttribution.</para>
/// </remarks>
public static class AttributionAnalyzer
{
    /// <summary>Computes one model (<see cref="AttributionOptions.Model"/>) on the leads of a table: each lead's journey is its touches
    /// (<see cref="AttributionOptions.Touchpoints"/>), or its own source when it has none.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">Outcomes, touches and leads after this instant are ignored; an open lead's journey ends here.</param>
    /// <param name="options">The options; <see cref="AttributionOptions.Default"/> when null (<see cref="AttributionOptions.AsOf"/> is ignored).</param>
    /// <returns>The credit per key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">Two leads share an id, the touchpoints were built for another table, or the scope has a
    /// breakdown.</exception>
    public static AttributionResult Analyze(LeadTable table, DateTimeOffset asOf, AttributionOptions? options = null)
    {
        options ??= AttributionOptions.Default;
        return Compare(table, asOf, new[] { options.Model }, options).Results[0];
    }

    /// <summary>Computes several models on the leads of a table; the journeys are built once.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">Outcomes, touches and leads after this instant are ignored; an open lead's journey ends here.</param>
    /// <param name="models">The models, in the order wanted.</param>
    /// <param name="options">The options (<see cref="AttributionOptions.Model"/> and <see cref="AttributionOptions.AsOf"/> are ignored).</param>
    /// <returns>One result per model, all listing the same keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> or <paramref name="models"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option or model is out of range.</exception>
    /// <exception cref="ArgumentException">Two leads share an id, the touchpoints were built for another table, or the scope has a
    /// breakdown.</exception>
    public static AttributionComparison Compare(LeadTable table, DateTimeOffset asOf, IEnumerable<AttributionModel> models, AttributionOptions? options = null)
    {
        Preconditions.CheckNotNull(table);

        options ??= AttributionOptions.Default;
        var modelList = CheckModels(models, options);
        return Compare(JourneyTableBuilder.FromTable(table, options.Touchpoints, asOf, options), modelList, options);
    }

    /// <summary>Counts the journeys of rows [<paramref name="startRow"/>, <paramref name="startRow"/> + <paramref name="rowCount"/>) of a
    /// table by path: a partial attribution to merge with others (<see cref="AttributionPartition.Merge(AttributionPartition)"/>)
    /// and finish with <see cref="AttributionPartition.ToResult"/>. The journeys are built as <see cref="Analyze(LeadTable, DateTimeOffset, AttributionOptions?)"/>
    /// builds them (the same builder); the touchpoints of no lead are counted as unmatched by the range that holds row 0.</summary>
    /// <param name="table">The leads.</param>
    /// <param name="asOf">Outcomes, touches and leads after this instant are ignored; an open lead's journey ends here.</param>
    /// <param name="startRow">The first row.</param>
    /// <param name="rowCount">The number of rows.</param>
    /// <param name="options">The options; <see cref="AttributionOptions.Default"/> when null (<see cref="AttributionOptions.AsOf"/> is ignored).</param>
    /// <returns>The partition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The rows are not all in the table, or an option is out of range.</exception>
    /// <exception cref="ArgumentException">Two leads of the range share an id, the touchpoints were built for another table, or the
    /// scope has a breakdown.</exception>
    public static AttributionPartition AnalyzePartition(LeadTable table, DateTimeOffset asOf, int startRow, int rowCount, AttributionOptions? options = null)
    {
        Preconditions.CheckNotNull(table);
        options ??= AttributionOptions.Default;
        options.Validate();
        Partitions.CheckRows(table.Count, startRow, rowCount);
        var journeys = JourneyTableBuilder.FromTable(table, options.Touchpoints, asOf, options, startRow, rowCount);
        return AttributionPartition.Count(journeys, asOf, options, rowCount);
    }

    /// <summary>Computes one model (<see cref="AttributionOptions.Model"/>).</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="options">The options; <see cref="AttributionOptions.Default"/> when null.</param>
    /// <returns>The credit per key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journeys"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The model needs touch times or milestones and the journeys are aggregated paths; a
    /// period is set for aggregated paths; the scope has a breakdown.</exception>
    public static AttributionResult Analyze(AttributionJourneys journeys, AttributionOptions? options = null)
    {
        options ??= AttributionOptions.Default;
        return Compare(journeys, new[] { options.Model }, options).Results[0];
    }

    /// <summary>Computes several models on the same journeys; the journeys are prepared (keyed, filtered, aggregated) once.</summary>
    /// <param name="journeys">The journeys.</param>
    /// <param name="models">The models, in the order wanted (a model listed twice appears twice).</param>
    /// <param name="options">The options (<see cref="AttributionOptions.Model"/> is ignored); <see cref="AttributionOptions.Default"/> when null.</param>
    /// <returns>One result per model, all listing the same keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journeys"/> or <paramref name="models"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option or model is out of range.</exception>
    /// <exception cref="ArgumentException">A model needs touch times or milestones and the journeys are aggregated paths; a
    /// period is set for aggregated paths; the scope has a breakdown.</exception>
    public static AttributionComparison Compare(AttributionJourneys journeys, IEnumerable<AttributionModel> models, AttributionOptions? options = null)
    {
        Preconditions.CheckNotNull(journeys);

        options ??= AttributionOptions.Default;
        var modelList = CheckModels(models, options);
        return Compare(JourneyTableBuilder.Build(journeys, options), modelList, options);
    }

    private static List<AttributionModel> CheckModels(IEnumerable<AttributionModel> models, AttributionOptions options)
    {
        Preconditions.CheckNotNull(models);

        options.Validate();
        var modelList = models.ToList();
        foreach (var model in modelList)
        {
            Preconditions.CheckRange(Enum.IsDefined(typeof(AttributionModel), model), model, "Unknown attribution model.", nameof(models));
        }

        return modelList;
    }

    private static AttributionComparison Compare(JourneyTable table, List<AttributionModel> modelList, AttributionOptions options)
    {
        var results = new List<AttributionResult>(modelList.Count);
        foreach (var model in modelList)
        {
            var raw = model switch
            {
                AttributionModel.Markov => MarkovAttribution.Compute(table, options),
                AttributionModel.Shapley => ShapleyAttribution.Compute(table),
                _ => RuleBasedAttribution.Compute(table, model, options),
            };
            results.Add(ToResult(table, model, raw, options.Scope.Period));
        }

        if (options.Intervals is not null)
        {
            results = AttributionBootstrap.Attach(table, modelList, options, results);
        }

        return new AttributionComparison(table.Keys, results);
    }

    private static AttributionResult ToResult(JourneyTable table, AttributionModel model, RawCredit raw, AcquisitionPeriod period)
    {
        var currency = table.Currency;
        // Written at the currency's scale (21432200.00 CNY), whatever scale the amounts came with.
        var totalValue = Math.Round(table.TotalValue, currency.MinorUnits, MidpointRounding.AwayFromZero) + new decimal(0, 0, 0, false, (byte)currency.MinorUnits);
        var money = MoneyAllocator.Allocate(totalValue, currency, raw.ValueWeights);
        var credits = new ChannelCredit[table.Keys.Length];
        for (var key = 0; key < credits.Length; key++)
        {
            credits[key] = new ChannelCredit(table.Keys[key], raw.Conversions[key], money[key], raw.RemovalEffects?[key], raw.ValueRemovalEffects?[key]);
        }

        return new AttributionResult(
            model,
            table.TotalConversions,
            new Money(totalValue, currency),
            credits,
            raw.Markov,
            table.JourneyCount,
            table.UnattributedConversions,
            new Money(table.UnattributedValue, currency),
            table.DroppedTouchpoints,
            table.UnmatchedTouchpoints,
            period);
    }
}
