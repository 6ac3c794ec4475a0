namespace LeadAnalytics.Attribution;

/// <summary>
/// The journeys of one analysis in columnar form, built once and shared by every model: one row per lead or distinct aggregated path,
/// its steps as key codes in flat arrays. Keys are numbered in ordinal order, so code order is key order and rows are in a
/// canonical order (lead id, or path), which makes every sum independent of the input order.
/// </summary>
internal sealed class JourneyTable
{
    internal JourneyTable(
        string[] keys,
        int[] rowStart,
        int[] stepKey,
        bool[] stepDirect,
        double[]? stepDaysBefore,
        CrmMilestones[]? stepMilestones,
        double[] conversions,
        double[] nulls,
        decimal[] value,
        Currency currency,
        int journeyCount,
        double unattributedConversions,
        decimal unattributedValue,
        int droppedTouchpoints,
        int unmatchedTouchpoints,
        (double Conversions, decimal Value)? totals = null)
    {
        Keys = keys;
        RowStart = rowStart;
        StepKey = stepKey;
        StepDirect = stepDirect;
        StepDaysBefore = stepDaysBefore;
        StepMilestones = stepMilestones;
        Conversions = conversions;
        Nulls = nulls;
        Value = value;
        Currency = currency;
        JourneyCount = journeyCount;
        UnattributedConversions = unattributedConversions;
        UnattributedValue = unattributedValue;
        DroppedTouchpoints = droppedTouchpoints;
        UnmatchedTouchpoints = unmatchedTouchpoints;

        if (totals is { } known)
        {
            // Whole drawn counts: their sum is exact in any order, so the replicate passes it instead of summing again.
            TotalConversions = known.Conversions;
            TotalValue = known.Value;
            return;
        }

        var conversionsSum = new NeumaierSum();
        var valueSum = 0m;
        for (var r = 0; r < conversions.Length; r++)
        {
            conversionsSum.Add(conversions[r]);
            valueSum += value[r];
        }

        TotalConversions = conversionsSum.Value;
        TotalValue = valueSum;
    }

    /// <summary>The same journeys with other counts (a bootstrap replicate): the steps are shared, the totals recomputed; the
    /// diagnostics of the input (unattributed, dropped, unmatched) are kept.</summary>
    internal JourneyTable WithCounts(double[] conversions, double[] nulls, decimal[] value, double totalConversions, decimal totalValue) =>
        new(Keys, RowStart, StepKey, StepDirect, StepDaysBefore, StepMilestones, conversions, nulls, value, Currency, JourneyCount,
            UnattributedConversions, UnattributedValue, DroppedTouchpoints, UnmatchedTouchpoints, (totalConversions, totalValue));

    /// <summary>Key names in ordinal order; a step's key code indexes this array.</summary>
    internal string[] Keys { get; }

    internal int RowCount => Conversions.Length;

    /// <summary>Row r's steps are [RowStart[r], RowStart[r + 1]).</summary>
    internal int[] RowStart { get; }

    internal int[] StepKey { get; }

    internal bool[] StepDirect { get; }

    /// <summary>Exact fractional days from each touch to the end of its journey; null for aggregated paths.</summary>
    internal double[]? StepDaysBefore { get; }

    internal CrmMilestones[]? StepMilestones { get; }

    internal double[] Conversions { get; }

    internal double[] Nulls { get; }

    internal decimal[] Value { get; }

    internal Currency Currency { get; }

    /// <summary>Leads with at least one touch, or aggregated paths as given (identical paths share one row).</summary>
    internal int JourneyCount { get; }

    internal double TotalConversions { get; }

    internal decimal TotalValue { get; }

    internal double UnattributedConversions { get; }

    internal decimal UnattributedValue { get; }

    internal int DroppedTouchpoints { get; }

    internal int UnmatchedTouchpoints { get; }

    internal int MaxRowLength
    {
        get
        {
            var max = 0;
            for (var r = 0; r < RowCount; r++)
            {
                max = Math.Max(max, RowStart[r + 1] - RowStart[r]);
            }

            return max;
        }
    }
}
