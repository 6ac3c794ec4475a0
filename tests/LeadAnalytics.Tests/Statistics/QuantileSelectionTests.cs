using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Tests.Statistics;

// The engines take medians by selection (linear time) rather than by sorting; it must agree with the sorted definition.
public class QuantileSelectionTests
{
    [Property(MaxTest = 300)]
    public Property Selection_agrees_with_sorting_for_both_definitions() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Choose(0, 40).Select(i => i / 4.0))), Arb.From(Gen.Choose(0, 100)), (data, percent) =>
        {
            var p = percent / 100.0;
            var sorted = data.OrderBy(x => x).ToArray();
            foreach (var method in new[] { QuantileMethod.R7, QuantileMethod.R8 })
            {
                var padded = new double[data.Length + 4];
                Array.Copy(data, 0, padded, 2, data.Length);
                if (Quantiles.OfSlice(padded, 2, data.Length, p, method) != Quantiles.OfSorted(sorted, p, method))
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void An_empty_slice_has_no_quantile() => Assert.Null(Quantiles.OfSlice(new double[3], 1, 0, 0.5, QuantileMethod.R7));
}
