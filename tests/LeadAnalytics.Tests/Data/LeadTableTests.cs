using FsCheck;
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
    public void Estimated_bytes_follow_the_documented_layout()
    {
        var table = LeadTable.Build(Enumerable.Range(0, 100).Select(i => new LeadBuilder { Id = "L" + i, Channel = "SEO", AcquiredAt = T0 }.Build()));

        // ids: 101 int offsets + 290 ASCII bytes ("L0".."L9" 2 chars, "L10".."L99" 3); 6 stage + 1 lost instants x 4 bytes;
        // deal and cost 4 bytes each (they fit in an int); flags and furthest stage 1 byte each; six one-byte code columns
        // with 4 bytes per distinct value in the values array plus "SEO" (24 + 2 x 3); the loss-reason codes (1 byte + 4);
        // the empty tag column (4); no tag or activity offsets (no lead has any).
        var ids = (101 * 4) + 290;
        var perRow = (7 * 4) + (2 * 4) + 1 + 1 + 4 + 6 + 1; // ... + the latest-activity instant
        var dictionaries = (2 * 4) + 30 + (5 * 4) + 4 + 4;
        Assert.Equal(ids + (100 * perRow) + dictionaries, table.EstimatedBytes);
    }

    [Fact]
    public void Columns_widen_when_values_no_longer_fit()
    {
        // 300 distinct owners need two-byte codes; an amount beyond int minor units needs eight bytes.
        var leads = Enumerable.Range(0, 300).Select(i => new LeadBuilder
        {
            Id = "L" + i,
            Owner = "owner" + i,
            AcquiredAt = T0,
            AcquisitionCost = new Money(i == 299 ? 30_000_000m : i, Currency.CNY),
        }.Build()).ToList();
        var table = LeadTable.Build(leads);
        Assert.Equal(2, table.GetColumn(Dimension.Owner).Codes.Width);
        Assert.Equal(1, table.GetColumn(Dimension.Channel).Codes.Width);
        Assert.NotNull(table.CostMinor.Wide);
        for (var row = 0; row < leads.Count; row++)
        {
            Assert.Equal("owner" + row, table.GetColumn(Dimension.Owner).ValueOf(table.GetCode(Dimension.Owner, row)));
            Assert.Equal(leads[row].AcquisitionCost!.Value.Amount, table.GetAcquisitionCost(row));
            Assert.Equal("L" + row, table.GetId(row));
        }

        Assert.Null(table.GetDealAmount(0));
    }

    [Fact]
    public void Ids_outside_ascii_are_kept_exactly()
    {
        var leads = new[] { "L1", "线索-2", "L3" }.Select(id => new LeadBuilder { Id = id, AcquiredAt = T0 }.Build()).ToList();
        var table = LeadTable.Build(leads);
        Assert.Equal(new[] { "L1", "线索-2", "L3" }, Enumerable.Range(0, 3).Select(table.GetId));
    }

    [Fact]
    public void Ranks_order_codes_by_value_with_missing_first()
    {
        var leads = new[] { "SEO", "B站", null, "Ads" }.Select((c, i) => new LeadBuilder { Id = "L" + i, Channel = c, AcquiredAt = T0 }.Build());
        var column = LeadTable.Build(leads).GetColumn(Dimension.Channel);

        // Codes follow first appearance (null, SEO, B站, Ads); ordinal order is (none) < Ads < B站 < SEO.
        Assert.Equal(new[] { 0, 3, 2, 1 }, column.Ranks);
    }

    [Property]
    public bool Packed_ids_compare_as_strings_do(NonEmptyString[] raw)
    {
        var ids = raw.Select(r => r.Get.Trim()).Where(id => id.Length > 0).Distinct().ToArray();
        var table = LeadTable.Build(ids.Select(id => new LeadBuilder { Id = id, AcquiredAt = T0 }.Build()));
        for (var a = 0; a < ids.Length; a++)
        {
            for (var b = 0; b < ids.Length; b++)
            {
                var expected = Math.Sign(string.CompareOrdinal(table.GetId(a), table.GetId(b)));
                var prefixA = table.Ids.OrdinalPrefix(a);
                var prefixB = table.Ids.OrdinalPrefix(b);
                var viaPrefix = prefixA != prefixB ? prefixA.CompareTo(prefixB) : table.Ids.CompareOrdinal(a, b);
                if (table.GetId(a) != ids[a] || Math.Sign(viaPrefix) != expected || Math.Sign(table.Ids.CompareOrdinal(a, b)) != expected)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
