using LeadAnalytics.Statistics;

namespace LeadAnalytics.Tests.Statistics;

// Reference values: TestData/Statistics/proportion_tests.R (R 4.x) and statsmodels proportions_ztest.
public class ProportionTestsTests
{
    [Fact]
    public void Two_proportion_z_matches_statsmodels_and_R()
    {
        var r = ProportionTests.TwoProportionZ(40, 500, 30, 200);
        Assert.Equal(-2.7888667551135846, r.Statistic!.Value, 12);
        Assert.Equal(0.005289282142293885, r.PValue!.Value, 14);
        Assert.Equal(7.7777777777777777, r.Statistic.Value * r.Statistic.Value, 12); // R prop.test X-squared
        Assert.True(r.IsSignificant());
    }

    [Fact]
    public void Two_proportion_z_is_undefined_without_variation()
    {
        var r = ProportionTests.TwoProportionZ(0, 10, 0, 20);
        Assert.Null(r.Statistic);
        Assert.Null(r.PValue);
        Assert.False(r.IsSignificant());
    }

    [Fact]
    public void Chi_square_independence_matches_R()
    {
        long[][] counts = { new long[] { 40, 460 }, new long[] { 30, 170 }, new long[] { 25, 275 } };
        var r = ProportionTests.ChiSquareIndependence(counts);
        Assert.Equal(8.8203935252495871, r.Statistic!.Value, 11);
        Assert.Equal(2.0, r.DegreesOfFreedom);
        Assert.Equal(0.012152786880403567, r.PValue!.Value, 13);
    }

    [Fact]
    public void Yates_applies_to_two_by_two_tables_only()
    {
        long[][] two = { new long[] { 40, 460 }, new long[] { 30, 170 } };
        var corrected = ProportionTests.ChiSquareIndependence(two, yates: true);
        Assert.Equal(7.0194444444444448, corrected.Statistic!.Value, 11);
        Assert.Equal(0.0080629243704064702, corrected.PValue!.Value, 13);
        Assert.Equal(7.7777777777777777, ProportionTests.ChiSquareIndependence(two).Statistic!.Value, 11);
        long[][] three = { new long[] { 40, 460 }, new long[] { 30, 170 }, new long[] { 25, 275 } };
        Assert.Equal(8.8203935252495871, ProportionTests.ChiSquareIndependence(three, yates: true).Statistic!.Value, 11);
    }

    [Fact]
    public void Empty_rows_and_columns_are_dropped_and_degenerate_tables_are_undefined()
    {
        long[][] withEmpty = { new long[] { 40, 460 }, new long[] { 0, 0 }, new long[] { 30, 170 } };
        Assert.Equal(7.7777777777777777, ProportionTests.ChiSquareIndependence(withEmpty).Statistic!.Value, 11);
        long[][] noVariation = { new long[] { 0, 10 }, new long[] { 0, 20 } };
        Assert.Null(ProportionTests.ChiSquareIndependence(noVariation).PValue);
        long[][] ragged = { new long[] { 1, 2 }, new long[] { 1 } };
        Assert.Throws<ArgumentException>(() => ProportionTests.ChiSquareIndependence(ragged));
    }
}
