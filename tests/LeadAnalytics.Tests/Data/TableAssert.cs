using LeadAnalytics.Data;
using Xunit;

namespace LeadAnalytics.Tests.Data;

/// <summary>Compares two tables through their public accessors, row by row: the same leads in the same order.</summary>
internal static class TableAssert
{
    public static void Equal(LeadTable expected, LeadTable actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Currency, actual.Currency);
        Assert.Equal(expected.Epoch, actual.Epoch);
        Assert.Equal(expected.Pipeline.Count, actual.Pipeline.Count);
        var asOf = expected.Epoch.AddYears(3);
        foreach (var d in new[] { Dimension.Channel, Dimension.Strategy, Dimension.Content, Dimension.Industry, Dimension.Owner, Dimension.CustomerType, Dimension.Tag })
        {
            Assert.Equal(expected.GetColumn(d).Values, actual.GetColumn(d).Values);
        }

        for (var row = 0; row < expected.Count; row++)
        {
            Assert.Equal(expected.GetId(row), actual.GetId(row));
            foreach (var d in new[] { Dimension.Channel, Dimension.Strategy, Dimension.Content, Dimension.Industry, Dimension.Owner, Dimension.CustomerType })
            {
                Assert.Equal(expected.GetCode(d, row), actual.GetCode(d, row));
            }

            Assert.Equal(expected.GetTagCodes(row), actual.GetTagCodes(row));
            for (var s = 0; s < expected.Pipeline.Count; s++)
            {
                Assert.Equal(expected.GetStageTime(row, s), actual.GetStageTime(row, s));
            }

            Assert.Equal(expected.GetLostTime(row), actual.GetLostTime(row));
            Assert.Equal(expected.GetDealAmount(row), actual.GetDealAmount(row));
            Assert.Equal(expected.GetAcquisitionCost(row), actual.GetAcquisitionCost(row));
            Assert.Equal(expected.GetLossReason(row), actual.GetLossReason(row));
            Assert.Equal(expected.HasChronologyFaults(row), actual.HasChronologyFaults(row));
            Assert.Equal(expected.GetFurthestStage(row, asOf), actual.GetFurthestStage(row, asOf));
            Assert.Equal(expected.IsStale(row, asOf, TimeSpan.FromDays(30)), actual.IsStale(row, asOf, TimeSpan.FromDays(30)));
        }

        Assert.Equal(expected.EstimatedBytes, actual.EstimatedBytes);
    }
}
