using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>Assertion helpers for attribution results.</summary>
internal static class AttributionAssert
{
    /// <summary>Asserts the full credit table: keys in order, conversions to 1e-12, values exactly.</summary>
    internal static void Credits(AttributionResult result, params (string Key, double Conversions, decimal Value)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Key), result.Credits.Select(c => c.Key));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Conversions, result.Credits[i].Conversions, 1e-12);
            Assert.Equal(expected[i].Value, result.Credits[i].Value.Amount);
        }
    }

    /// <summary>The conservation law: conversions to 1e-9 and value exactly.</summary>
    internal static void Conserved(AttributionResult result)
    {
        var conversions = result.Credits.Sum(c => c.Conversions);
        Assert.True(Math.Abs(conversions - result.TotalConversions) <= 1e-9 * Math.Max(1, result.TotalConversions),
            $"{result.Model}: credited {conversions:R} of {result.TotalConversions:R} conversions");
        Assert.Equal(result.TotalValue.Amount, result.Credits.Sum(c => c.Value.Amount));
        foreach (var c in result.Credits)
        {
            Assert.Equal(result.TotalValue.Currency, c.Value.Currency);
            Assert.True(c.Conversions >= -1e-12, $"{result.Model}: {c.Key} has negative credit {c.Conversions}");
            Assert.True(c.Value.Amount >= 0m);
            Assert.Equal(c.Value.Amount, Math.Round(c.Value.Amount, c.Value.Currency.MinorUnits));
        }
    }
}
