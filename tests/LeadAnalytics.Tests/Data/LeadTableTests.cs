using FsCheck.Xunit;
using LeadAnalytics.Data;

namespace LeadAnalytics.Tests.Data;

[Properties(Arbitrary = new[] { typeof(Arbitraries) })]
public class LeadTableTests
{
    private static readonly DateTimeOffset T0 = new(2023, 10, 1, 14, 30, 0, TimeSpan.FromHours(8));

    [Property]
    public bool Every_column_reads_back_what_the_leads_hold(Lead[] leads)
    {
        var table = LeadTable.Build(leads);
        var asOf = T0.AddYears(2);
        for (var row = 0; row < leads.Length; row++)
        {
            var lead = leads[row];
            if (table.GetId(row) != lead.Id
                || table.GetColumn(Dimension.Channel).ValueOf(table.GetCode(Dimension.Channel, row)) != lead.Channel
                || table.GetColumn(Dimension.Owner).ValueOf(table.GetCode(Dimension.Owner, row)) != lead.Owner
                || !table.GetTagCodes(row).Select(c => table.GetColumn(Dimension.Tag).ValueOf(c)).SequenceEqual(lead.Tags)
                || table.GetOutcome(row, asOf) != lead.OutcomeAsOf(asOf)
                || table.GetFurthestStage(row, asOf) != lead.FurthestStageIndex(asOf)
                || table.GetDealAmount(row) != lead.DealAmount?.Amount
                || table.GetAcquisitionCost(row) != lead.AcquisitionCost?.Amount
                || table.GetLostTime(row) != lead.LostAt)
            {
                return false;
            }

            for (var s = 0; s < lead.Pipeline.Count; s++)
            {
                // Generated instants are whole minutes, so nothing is lost to the one-second resolution.
                if (table.GetStageTime(row, s) != lead.GetStageTime(s))
                {
                    return false;
                }
            }
        }

        return table.Count == leads.Length;
    }

    [Property]
    public bool Outcome_and_stage_as_of_agree_with_the_lead(Lead[] leads, int hours)
    {
        var table = LeadTable.Build(leads);
        var asOf = Generators.Epoch.AddHours(Math.Abs(hours % (24 * 240)));
        for (var row = 0; row < leads.Length; row++)
        {
            if (table.GetOutcome(row, asOf) != leads[row].OutcomeAsOf(asOf)
                || table.GetFurthestStage(row, asOf) != leads[row].FurthestStageIndex(asOf)
                || table.IsStale(row, asOf, TimeSpan.FromDays(30)) != leads[row].IsStale(asOf, TimeSpan.FromDays(30)))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public void Dimensions_are_dictionary_encoded_with_code_zero_for_missing()
    {
        var leads = new[]
        {
            new LeadBuilder { Id = "a", Channel = "SEO", AcquiredAt = T0 }.Build(),
            new LeadBuilder { Id = "b", Channel = "抖音信息流", AcquiredAt = T0 }.Build(),
            new LeadBuilder { Id = "c", Channel = "SEO", AcquiredAt = T0 }.Build(),
            new LeadBuilder { Id = "d", AcquiredAt = T0 }.Build(),
        };
        var table = LeadTable.Build(leads);
        var channel = table.GetColumn(Dimension.Channel);
        Assert.Equal(new string?[] { null, "SEO", "抖音信息流" }, channel.Values);
        Assert.Equal(new[] { 1, 2, 1, 0 }, Enumerable.Range(0, 4).Select(r => table.GetCode(Dimension.Channel, r)));
        Assert.Equal(-1, channel.CodeOf("seo"));
        Assert.Equal("(none)", channel.LabelOf(0));
        Assert.Equal(Currency.None, table.Currency);
    }

    [Fact]
    public void Amounts_are_kept_in_minor_units_of_one_currency()
    {
        var a = new LeadBuilder { Id = "a", AcquiredAt = T0, WonAt = T0.AddDays(3), DealAmount = new Money(50_000.125m, Currency.CNY) }.Build();
        var b = new LeadBuilder { Id = "b", AcquiredAt = T0, AcquisitionCost = new Money(10m, Currency.USD) }.Build();
        Assert.Throws<CurrencyMismatchException>(() => LeadTable.Build(new[] { a, b }));
        var table = LeadTable.Build(new[] { a, b }, new LeadTableOptions { CurrencyConverter = (m, c) => m.ConvertTo(c, 7.2m) });
        Assert.Equal(Currency.CNY, table.Currency);
        Assert.Equal(50_000.13m, table.GetDealAmount(0));
        Assert.Equal(72m, table.GetAcquisitionCost(1));
        Assert.Null(table.GetDealAmount(1));
    }

    [Fact]
    public void Instants_keep_whole_seconds_and_leads_of_another_pipeline_are_refused()
    {
        var lead = new LeadBuilder { Id = "a", AcquiredAt = T0.AddMilliseconds(900), ContactedAt = T0.AddDays(1) }.Build();
        var table = LeadTable.Build(new[] { lead });
        Assert.Equal(T0, table.GetStageTime(0, 0));
        Assert.Equal(T0.AddDays(1), table.GetStageTime(0, 1));
        Assert.Null(table.GetStageTime(0, 2));
        var other = new Pipeline("x", new[] { new Stage("A"), new Stage("B") });
        var foreign = new LeadBuilder { Id = "b", AcquiredAt = T0, Pipeline = other }.Build();
        Assert.Throws<ArgumentException>(() => LeadTable.Build(new[] { lead, foreign }));
    }

    [Fact]
    public void Follow_ups_after_as_of_do_not_keep_a_lead_fresh()
    {
        var b = new LeadBuilder { Id = "a", AcquiredAt = T0 };
        b.FollowUps.Add(new FollowUp(T0.AddDays(50), FollowUpKind.Call));
        var table = LeadTable.Build(new[] { b.Build() });
        Assert.True(table.IsStale(0, T0.AddDays(40), TimeSpan.FromDays(30)));
        Assert.False(table.IsStale(0, T0.AddDays(60), TimeSpan.FromDays(30)));
        Assert.False(table.IsStale(0, T0.AddDays(60), TimeSpan.Zero));
    }

    [Fact]
    public void Estimated_bytes_grow_with_rows()
    {
        var table = LeadTable.Build(Enumerable.Range(0, 100).Select(i => new LeadBuilder { Id = "L" + i, Channel = "SEO", AcquiredAt = T0 }.Build()));
        Assert.InRange(table.EstimatedBytes, 100 * 80, 100 * 200);
    }
}
