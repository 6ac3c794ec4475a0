using LeadAnalytics.Data;

namespace LeadAnalytics.Attribution;

/// <summary>
/// The journeys to attribute: either leads with their touchpoints (outcome and value from the lead) or aggregated paths
/// counted in a warehouse. Build one with <see cref="FromLeads"/> or <see cref="FromPaths"/>.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe; holds the inputs only. What is credited (channel, strategy, content), the as-of instant
/// and the lookback window are options of the analysis, so one instance serves many analyses.</para>
/// <para>Lead journeys: a won lead is one conversion worth its deal amount (zero when missing) at its won instant; lost and open
/// leads are non-converting journeys. Touchpoints are matched to leads by <see cref="Touchpoint.JourneyId"/> = <see cref="Lead.Id"/>;
/// touchpoints of unknown journeys are counted in the result and otherwise ignored.</para>
/// </remarks>
public sealed class AttributionJourneys
{
    private AttributionJourneys(LeadTable? table, TouchpointTable? touchTable, AggregatedPath[]? paths, Currency currency, AcquisitionPeriod? pathsPeriod = null,
        AttributionPartition.Totals? partitionTotals = null)
    {
        PartitionTotals = partitionTotals;
        Table = table;
        TouchTable = touchTable;
        Paths = paths;
        Currency = currency;
        PathsPeriod = pathsPeriod ?? AcquisitionPeriod.AllTime;
    }

    /// <summary>The currency of the conversion values (<see cref="Currency.None"/> when no value is known).</summary>
    public Currency Currency { get; }

    /// <summary>Whether the journeys carry touch times and milestones (lead journeys do, aggregated paths do not).</summary>
    public bool HasTouchTimes => Paths is null;

    /// <summary>The number of leads or aggregated paths.</summary>
    public int Count => Table?.Count ?? Paths!.Length;

    internal LeadTable? Table { get; }

    internal TouchpointTable? TouchTable { get; }

    internal AggregatedPath[]? Paths { get; }

    // The acquisition period the aggregated paths were already limited to where they were counted (LeadAnalytics.Sql builds
    // them from the leads acquired in it); all time otherwise. An analysis with this period or all time reads them as they are.
    internal AcquisitionPeriod PathsPeriod { get; }

    // The lead journeys and diagnostics behind the paths of an attribution partition (null for paths counted elsewhere, whose
    // journeys are the paths as given).
    internal AttributionPartition.Totals? PartitionTotals { get; }

    /// <summary>Journeys of leads: each lead with the touchpoints whose journey id is its id.</summary>
    /// <param name="leads">The leads; ids must be unique (ordinally).</param>
    /// <param name="touchpoints">Their touchpoints, in any order.</param>
    /// <param name="currency">The currency of the deal amounts; by default the currency of the won leads' deal amounts
    /// (<see cref="Currency.None"/> when no won lead has one).</param>
    /// <returns>The journeys.</returns>
    /// <exception cref="ArgumentNullException">An argument or element is null.</exception>
    /// <exception cref="ArgumentException">Two leads share an id.</exception>
    /// <exception cref="CurrencyMismatchException">Won leads' deal amounts are in different currencies, or not in <paramref name="currency"/>.</exception>
    public static AttributionJourneys FromLeads(IEnumerable<Lead> leads, IEnumerable<Touchpoint> touchpoints, Currency? currency = null)
    {
        Preconditions.CheckNotNull(leads);

        Preconditions.CheckNotNull(touchpoints);

        var leadArray = leads.ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Currency? found = currency;
        foreach (var lead in leadArray)
        {
            Preconditions.CheckItemNotNull(lead, nameof(leads), "A lead is null.");

            if (!ids.Add(lead.Id))
            {
                throw new ArgumentException($"Two leads have the id '{lead.Id}'.", nameof(leads));
            }

            if (lead.WonAt is not null && lead.DealAmount is { } amount)
            {
                if (found is { } c && c != amount.Currency)
                {
                    throw new CurrencyMismatchException(c, amount.Currency);
                }

                found = amount.Currency;
            }
        }

        var touchArray = touchpoints.ToArray();
        Preconditions.CheckNoNullItem(touchArray, nameof(touchpoints), "A touchpoint is null.");

        // The same journeys as the table path: the leads become a LeadTable (instants to the second, amounts to the minor unit).
        var table = LeadTable.Build(leadArray, new LeadTableOptions { Currency = found });
        return new AttributionJourneys(table, TouchpointTable.Build(table, touchArray), null, found ?? Currency.None);
    }

    /// <summary>Journeys counted as aggregated paths (path, conversions, value, nulls).</summary>
    /// <param name="paths">The paths, in any order; the same path may appear more than once (its counts add up).</param>
    /// <param name="currency">The currency of the conversion values.</param>
    /// <returns>The journeys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or an element is null.</exception>
    public static AttributionJourneys FromPaths(IEnumerable<AggregatedPath> paths, Currency currency) => FromPathsOfPeriod(paths, currency, AcquisitionPeriod.AllTime);

    // The paths of an attribution partition, counted over the leads acquired in its scope's period.
    internal static AttributionJourneys FromPartition(AggregatedPath[] paths, Currency currency, AcquisitionPeriod period, AttributionPartition.Totals totals) =>
        new(null, null, paths, currency, period, totals);

    // Paths counted over the leads acquired in a period (the SQL push-down applies AttributionOptions.Scope.Period itself).
    internal static AttributionJourneys FromPathsOfPeriod(IEnumerable<AggregatedPath> paths, Currency currency, AcquisitionPeriod period)
    {
        Preconditions.CheckNotNull(paths);

        var array = paths.ToArray();
        Preconditions.CheckNoNullItem(array, nameof(paths), "A path is null.");

        return new AttributionJourneys(null, null, array, currency, period);
    }
}
