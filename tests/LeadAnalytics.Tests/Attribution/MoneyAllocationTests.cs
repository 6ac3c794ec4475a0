using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>Largest-remainder rounding of value credit to the currency's minor unit.</summary>
public class MoneyAllocationTests
{
    private static AttributionResult Linear(string path, decimal value, Currency currency) =>
        AttributionAnalyzer.Analyze(AttributionJourneys.FromPaths(new[] { AggregatedPath.Parse(path, 1, value) }, currency), new AttributionOptions { Model = AttributionModel.Linear });

    [Fact]
    public void A_cent_that_cannot_be_split_goes_to_the_ordinally_smallest_of_the_tied_keys()
    {
        // 100.00 / 3 = 33.333..., floors 33.33 x 3 = 99.99, the leftover cent goes to the tie's first key in ordinal order.
        AttributionAssert.Credits(Linear("x > y > z", 100.00m, Currency.CNY), ("x", 1.0 / 3, 33.34m), ("y", 1.0 / 3, 33.33m), ("z", 1.0 / 3, 33.33m));
        AttributionAssert.Credits(Linear("z > y > x", 100.00m, Currency.CNY), ("x", 1.0 / 3, 33.34m), ("y", 1.0 / 3, 33.33m), ("z", 1.0 / 3, 33.33m));

        // Ordinal, not culture: upper case sorts before lower case.
        AttributionAssert.Credits(Linear("b > B", 0.01m, Currency.CNY), ("B", 0.5, 0.01m), ("b", 0.5, 0m));
    }

    [Fact]
    public void Leftover_units_go_to_the_largest_remainders_first()
    {
        // Linear on a > a > b: a 2/3, b 1/3 of 1.00 -> raw 66.667 and 33.333 cents -> 0.67 and 0.33.
        AttributionAssert.Credits(Linear("a > a > b", 1.00m, Currency.CNY), ("a", 2.0 / 3, 0.67m), ("b", 1.0 / 3, 0.33m));
    }

    [Fact]
    public void The_minor_unit_comes_from_the_currency()
    {
        // JPY has no minor unit: 100 yen / 3 -> 34, 33, 33.  KWD has three: 1.000 / 3 -> 0.334, 0.333, 0.333.
        AttributionAssert.Credits(Linear("x > y > z", 100m, Currency.FromCode("JPY")), ("x", 1.0 / 3, 34m), ("y", 1.0 / 3, 33m), ("z", 1.0 / 3, 33m));
        AttributionAssert.Credits(Linear("x > y > z", 1m, Currency.FromCode("KWD")), ("x", 1.0 / 3, 0.334m), ("y", 1.0 / 3, 0.333m), ("z", 1.0 / 3, 0.333m));
    }

    [Fact]
    public void The_total_is_the_sum_of_values_rounded_half_away_from_zero()
    {
        // 0.005 + 0.010 = 0.015 -> 0.02 (half away from zero), then shared 1/2 : 1/2 -> 0.01 each.
        var journeys = AttributionJourneys.FromPaths(new[] { AggregatedPath.Parse("a", 1, 0.005m), AggregatedPath.Parse("b", 1, 0.010m) }, Currency.CNY);
        var result = AttributionAnalyzer.Analyze(journeys, new AttributionOptions { Model = AttributionModel.LastTouch });
        Assert.Equal(0.02m, result.TotalValue.Amount);
        AttributionAssert.Credits(result, ("a", 1, 0.01m), ("b", 1, 0.01m));
    }

    [Fact]
    public void Without_values_everything_is_zero_in_the_given_currency()
    {
        var result = Linear("a > b", 0m, Currency.USD);
        Assert.Equal(Money.Zero(Currency.USD), result.TotalValue);
        Assert.All(result.Credits, c => Assert.Equal(Money.Zero(Currency.USD), c.Value));
    }
}
