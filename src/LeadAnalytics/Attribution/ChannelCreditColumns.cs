using LeadAnalytics.Metrics;

namespace LeadAnalytics.Attribution;

/// <summary>The metric columns of a <see cref="ChannelCredit"/>, with their JSON property and CSV header; the bootstrap
/// interval (<see cref="ChannelCredit.Interval"/>) is the credits' interval. The tool's CSV is derived from them; its tables
/// pivot keys against models and show the credited conversions and value (and the Markov removal effect).</summary>
public static class ChannelCreditColumns
{
    /// <summary>Credited conversions and value with their intervals, and the Markov removal effects.</summary>
    public static MetricColumns<ChannelCredit> All { get; } = new(new[]
    {
        new MetricColumn<ChannelCredit>(MetricCatalog.CreditedConversions, "conversions", c => c.Conversions, intervalPrefix: string.Empty,
            lower: c => c.Interval?.Lower, upper: c => c.Interval?.Upper),
        new MetricColumn<ChannelCredit>(MetricCatalog.CreditedValue, "value.amount", c => c.Value.Amount, csvName: "value",
            lower: c => c.Interval?.ValueLower.Amount, upper: c => c.Interval?.ValueUpper.Amount),
        new MetricColumn<ChannelCredit>(MetricCatalog.RemovalEffect, "removalEffect", c => c.RemovalEffect, withInterval: false),
        new MetricColumn<ChannelCredit>(MetricCatalog.ValueRemovalEffect, "valueRemovalEffect", c => c.ValueRemovalEffect, withInterval: false),
    }, new[] { MetricIds.CreditedConversions, MetricIds.CreditedValue });
}
