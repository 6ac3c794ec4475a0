using LeadAnalytics.Statistics;

namespace LeadAnalytics.Tests.Statistics;

public class QuantileTests
{
    private static readonly double[] Data = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

    // R: quantile(1:10, c(.25,.5,.9), type=7) -> 3.25 5.5 9.1
    //    quantile(1:10, c(.25,.5,.9), type=8) -> 2.91666666666667 5.5 9.63333333333333
    // By hand: type 7 h = 9p + 1 (p=.25 -> 3.25); type 8 h = (10 + 1/3)p + 1/3 (p=.25 -> 2.9166..., p=.9 -> 9.6333...).
    [Theory]
    [InlineData(0.25, QuantileMethod.R7, 3.25)]
    [InlineData(0.5, QuantileMethod.R7, 5.5)]
    [InlineData(0.9, QuantileMethod.R7, 9.1)]
    [InlineData(0.25, QuantileMethod.R8, 2.9166666666666665)]
    [InlineData(0.5, QuantileMethod.R8, 5.5)]
    [InlineData(0.9, QuantileMethod.R8, 9.6333333333333333)]
    [InlineData(0.0, QuantileMethod.R8, 1)]
    [InlineData(1.0, QuantileMethod.R7, 10)]
    public void Matches_R_types_7_and_8(double p, QuantileMethod method, double expected) =>
        Assert.Equal(expected, Quantiles.OfSorted(Data, p, method)!.Value, 12);

    [Fact]
    public void Empty_data_has_no_quantile_and_unsorted_input_is_not_changed()
    {
        Assert.Null(Quantiles.OfSorted(Array.Empty<double>(), 0.5));
        var data = new double[] { 3, 1, 2 };
        Assert.Equal(2.0, Quantiles.Of(data, 0.5));
        Assert.Equal(new double[] { 3, 1, 2 }, data);
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.OfSorted(Data, 1.5));
    }
}
