using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Data;
using LeadAnalytics.Quality;
using Xunit;

namespace LeadAnalytics.Tests.Data;

[Properties(Arbitrary = new[] { typeof(Arbitraries), typeof(LeadRecordTests.MessyArbitraries) })]
public class LeadRecordTests
{
    private static readonly DateTimeOffset T0 = new(2023, 10, 1, 14, 30, 0, TimeSpan.FromHours(8));

    [Property]
    public void Records_build_the_same_table_as_leads(Lead[] leads)
    {
        var builder = new LeadTableBuilder();
        var record = new LeadRecord();
        var issues = new List<DataQualityIssue>();
        foreach (var lead in leads)
        {
            record.Clear();
            Fill(record, lead.ToBuilder());
            Assert.True(builder.Add(record, null, issues));
        }

        Assert.Empty(issues);
        TableAssert.Equal(LeadTable.Build(leads), builder.ToTable());
    }

    [Property]
    public void A_record_gets_exactly_the_issues_of_the_same_builder(MessyValues values)
    {
        var options = new DataQualityOptions { RequiredFields = values.Required };
        var builder = values.ToBuilder();
        var fromBuilder = new List<DataQualityIssue>();
        var lead = DataQualityChecker.BuildLead(builder, options, fromBuilder);

        var record = new LeadRecord();
        Fill(record, builder);
        var fromRecord = new List<DataQualityIssue>();
        var accepted = DataQualityChecker.CheckRecord(record, options, fromRecord);

        Assert.Equal(fromBuilder, fromRecord);
        Assert.Equal(lead is not null, accepted);

        // Added to a table, an accepted record keeps the lead's chronology flag; a rejected one adds nothing.
        var table = new LeadTableBuilder(new LeadTableOptions { Currency = Currency.CNY, CurrencyConverter = (m, c) => new Money(m.Amount, c) });
        var added = table.Add(record, options, new List<DataQualityIssue>());
        Assert.Equal(accepted, added);
        var built = table.ToTable();
        Assert.Equal(added ? 1 : 0, built.Count);
        if (lead is not null)
        {
            Assert.Equal(lead.HasChronologyFaults, built.HasChronologyFaults(0));
            Assert.Equal(lead.Tags, built.GetTagCodes(0).Select(c => built.GetColumn(Dimension.Tag).ValueOf(c)));
        }
    }

    [Fact]
    public void An_amount_in_another_currency_rejects_the_record_instead_of_throwing()
    {
        var builder = new LeadTableBuilder();
        var record = new LeadRecord { Id = "a", Channel = "SEO", AcquiredAt = T0, AcquisitionCost = new Money(5m, Currency.CNY) };
        var issues = new List<DataQualityIssue>();
        Assert.True(builder.Add(record, null, issues));
        record.Clear();
        record.Id = "b";
        record.Channel = "SEO";
        record.AcquiredAt = T0;
        record.AcquisitionCost = new Money(5m, Currency.USD);
        Assert.False(builder.Add(record, null, issues));
        var issue = Assert.Single(issues);
        Assert.Equal(DataQualityRule.CurrencyMismatch, issue.Rule);
        Assert.Equal(LeadField.AcquisitionCost, issue.Field);
        Assert.Equal(1, builder.ToTable().Count);
    }

    [Fact]
    public void Rules_on_plain_values_match_the_builder_overload()
    {
        var b = new LeadBuilder { Id = " ", AcquiredAt = T0, ContactedAt = T0.AddDays(-1), WonAt = T0.AddDays(2), LostAt = T0.AddDays(1) };
        var times = Enumerable.Range(0, Pipeline.Default.Count).Select(i => b.GetStageTime(Pipeline.Default.Stages[i].Name)).ToArray();
        var plain = LeadRules.Validate(Pipeline.Default, b.Id, times, b.LostAt, b.DealAmount, b.AcquisitionCost);
        Assert.Equal(LeadRules.Validate(b).Select(v => v.ToString()), plain.Select(v => v.ToString()));
        Assert.Equal(new[] { LeadRule.MissingId, LeadRule.StageBeforeAcquisition, LeadRule.StagesOutOfOrder, LeadRule.WonAndLost }, plain.Select(v => v.Rule));
        Assert.Throws<ArgumentException>(() => LeadRules.Validate(Pipeline.Default, "a", new DateTimeOffset?[2], null, null, null));
        Assert.Same(LeadRules.Validate(Pipeline.Default, "a", new DateTimeOffset?[] { T0, null, null, null, null, null }, null, null, null),
            LeadRules.Validate(Pipeline.Default, "b", new DateTimeOffset?[] { T0, null, null, null, null, null }, null, null, null));
    }

    internal static void Fill(LeadRecord record, LeadBuilder b)
    {
        var pipeline = record.Pipeline;
        record.Id = b.Id;
        record.Name = b.Name;
        record.Channel = b.Channel;
        record.Strategy = b.Strategy;
        record.Content = b.Content;
        record.Owner = b.Owner;
        record.CustomerType = b.CustomerType;
        record.Industry = b.Industry;
        record.LossReason = b.LossReason;
        record.Notes = b.Notes;
        for (var s = 0; s < pipeline.Count; s++)
        {
            record.SetStageTime(s, b.GetStageTime(pipeline.Stages[s].Name));
        }

        record.LostAt = b.LostAt;
        record.LastActivityAt = b.LastActivityAt;
        record.DealAmount = b.DealAmount;
        record.AcquisitionCost = b.AcquisitionCost;
        record.RecordedCycleDays = b.Attributes.TryGetValue(DataQualityOptions.CycleDaysAttribute, out var d) ? d : null;
        foreach (var t in b.Tags)
        {
            record.Tags.Add(t);
        }

        foreach (var f in b.FollowUps)
        {
            record.FollowUpTimes.Add(f.At);
        }
    }

    /// <summary>Values of one row as an import sees them, valid or not.</summary>
    public sealed record MessyValues(
        string? Id, int?[] StageDays, int? LostDays, decimal? Deal, decimal? Cost, bool CostInUsd, string?[] Texts, string[] Tags, string? CycleDays,
        LeadField[] Required)
    {
        public LeadBuilder ToBuilder()
        {
            var b = new LeadBuilder
            {
                Id = Id,
                Channel = Texts[0],
                Owner = Texts[1],
                Name = Texts[2],
                LossReason = Texts[3],
                LostAt = LostDays is { } l ? T0.AddDays(l) : null,
                DealAmount = Deal is { } d ? new Money(d, Currency.CNY) : null,
                AcquisitionCost = Cost is { } c ? new Money(c, CostInUsd ? Currency.USD : Currency.CNY) : null,
            };
            for (var s = 0; s < StageDays.Length; s++)
            {
                b.SetStageTime(Pipeline.Default.Stages[s].Name, StageDays[s] is { } days ? T0.AddDays(days) : null);
            }

            foreach (var t in Tags)
            {
                b.Tags.Add(t);
            }

            if (CycleDays is not null)
            {
                b.Attributes[DataQualityOptions.CycleDaysAttribute] = CycleDays;
            }

            return b;
        }
    }

    public static class MessyArbitraries
    {
        public static Arbitrary<MessyValues> Messy() => Arb.From(
            from id in Gen.Elements<string?>(null, "", " ", "L1", " L2 ")
            from stages in Gen.ArrayOf(Gen.Elements<int?>(null, null, 0, 1, 3, -2, 5), Pipeline.Default.Count)
            from lost in Gen.Elements<int?>(null, null, 2, -1, 6)
            from deal in Gen.Elements<decimal?>(null, 0m, 50_000m, -1m)
            from cost in Gen.Elements<decimal?>(null, 300.5m, -2m)
            from usd in Gen.Elements(false, false, true)
            from texts in Gen.ArrayOf(Gen.Elements<string?>(null, "", "  ", "SEO", " 张三 "), 4)
            from tags in Gen.ArrayOf(Gen.Elements("a", " a", "", "b"), 3)
            from cycle in Gen.Elements<string?>(null, "", "3", "3天", "x", "-1")
            from required in Gen.SubListOf(new[] { LeadField.Channel, LeadField.Owner, LeadField.Tags, LeadField.CycleDays, LeadField.DealAmount, LeadField.ContactedAt })
            select new MessyValues(id, stages, lost, deal, cost, usd, texts, tags, cycle, required.ToArray()));
    }
}
