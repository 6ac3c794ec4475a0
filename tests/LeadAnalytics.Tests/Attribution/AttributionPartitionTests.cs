using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Attribution;
using LeadAnalytics.Data;
using LeadAnalytics.Json;

namespace LeadAnalytics.Tests.Attribution;

// The merge law of the attribution partial (docs/partials.md): path counts of a split of the leads, merged in any order, give
// exactly the partial of all the leads (the whole JSON document of every path model), and that equals the single pass over
// the table in every count and amount, and in credited conversions and removal effects to 1e-12 relative.
public class AttributionPartitionTests
{
    [Property(MaxTest = 60)]
    public Property Attribution_partials_merge_to_the_single_pass() =>
        Prop.ForAll(AttributionGenerators.LeadCases, c =>
        {
            MergeLaw(c);
            return true;
        });

    private static void MergeLaw(LeadCase c)
    {
        var asOf = c.Options.AsOf ?? Generators.Epoch.AddDays(200);
        var table = LeadTable.Build(c.Leads);
        var options = WithTouchpoints(c.Options, TouchpointTable.Build(table, c.Touchpoints));
        var models = AttributionGenerators.PathModels;
        var single = AttributionAnalyzer.Compare(table, asOf, models, options);
        var whole = AttributionAnalyzer.AnalyzePartition(table, asOf, 0, table.Count, options);
        Close(single, whole.ToComparison(models));
        Assert.Equal(table.Count, whole.RowCount);
        Assert.Equal(single.Results[0].JourneyCount, whole.JourneyCount);

        var expected = LeadAnalyticsJson.SerializeAttributionComparison(whole.ToComparison(models));
        string Render(AttributionPartition p) => LeadAnalyticsJson.SerializeAttributionComparison(p.ToComparison(models));

        // Row ranges of one table, merged left to right, right to left and re-associated.
        var ranges = Ranges(table.Count, c.Seed);
        var parts = ranges.Select(r => AttributionAnalyzer.AnalyzePartition(table, asOf, r.Start, r.Count, options)).ToList();
        Assert.Equal(expected, Render(parts.Aggregate((a, b) => a.Merge(b))));
        Assert.Equal(expected, Render(Enumerable.Reverse(parts).Aggregate((a, b) => a.Merge(b))));
        Assert.Equal(expected, Render(AttributionPartition.Merge(parts)));
        if (parts.Count >= 3)
        {
            Assert.Equal(expected, Render(parts[0].Merge(parts.Skip(1).Aggregate((a, b) => a.Merge(b)))));
        }

        // Separately built tables, each with its own leads' touchpoints (the touch of no lead goes to the first): keys by value.
        var remote = new List<AttributionPartition>();
        foreach (var (start, count) in ranges)
        {
            var leads = c.Leads.Skip(start).Take(count).ToArray();
            var ids = new HashSet<string>(leads.Select(l => l.Id), StringComparer.Ordinal);
            var known = new HashSet<string>(c.Leads.Select(l => l.Id), StringComparer.Ordinal);
            var touches = c.Touchpoints.Where(t => ids.Contains(t.JourneyId) || (start == 0 && !known.Contains(t.JourneyId))).ToArray();
            var part = LeadTable.Build(leads);
            remote.Add(AttributionAnalyzer.AnalyzePartition(part, asOf, 0, part.Count, WithTouchpoints(c.Options, TouchpointTable.Build(part, touches))));
        }

        Assert.Equal(expected, Render(AttributionPartition.Merge(remote)));

        // The partial of no rows is the identity on both sides (an empty table's whole range is not "no rows": it still counts
        // the touchpoints of no lead, so the identity then comes from a table without touchpoints).
        var empty = table.Count > 0
            ? AttributionAnalyzer.AnalyzePartition(table, asOf, table.Count, 0, options)
            : AttributionAnalyzer.AnalyzePartition(LeadTable.Build(Array.Empty<Lead>()), asOf, 0, 0, WithTouchpoints(c.Options, null));
        Assert.Equal(expected, Render(empty.Merge(whole)));
        Assert.Equal(expected, Render(whole.Merge(empty)));
    }

    // By hand: A (seo > email, won 100.00) in one partial, B (seo > email, lost) and C (direct, won 50.00) in another. Linear
    // gives seo and email half of A each and direct all of C: 0.5, 0.5 and 1 conversions; 50.00, 50.00 and 50.00.
    [Fact]
    public void Linear_credit_of_merged_partials_is_the_hand_computed_one()
    {
        var epoch = Generators.Epoch;
        var a = Lead("A", epoch, won: true, 100m);
        var b = Lead("B", epoch, won: false, null);
        var cLead = Lead("C", epoch, won: true, 50m);
        var touches = new[]
        {
            new Touchpoint("A", epoch.AddDays(1), "seo"), new Touchpoint("A", epoch.AddDays(2), "email"),
            new Touchpoint("B", epoch.AddDays(1), "seo"), new Touchpoint("B", epoch.AddDays(2), "email"),
            new Touchpoint("C", epoch.AddDays(1), "direct"),
        };
        var asOf = epoch.AddDays(30);
        AttributionPartition Part(params Lead[] leads)
        {
            var t = LeadTable.Build(leads);
            var ids = leads.Select(l => l.Id).ToHashSet();
            return AttributionAnalyzer.AnalyzePartition(t, asOf, 0, t.Count, new AttributionOptions
            {
                Model = AttributionModel.Linear,
                Touchpoints = TouchpointTable.Build(t, touches.Where(x => ids.Contains(x.JourneyId))),
            });
        }

        var merged = Part(a).Merge(Part(b, cLead));
        Assert.Equal(3, merged.JourneyCount);
        Assert.Equal(2, merged.PathCount);
        var result = merged.ToResult();
        Assert.Equal(2, result.TotalConversions);
        Assert.Equal(150.00m, result.TotalValue.Amount);
        AttributionAssert.Credits(result, ("direct", 1, 50.00m), ("email", 0.5, 50.00m), ("seo", 0.5, 50.00m));
    }

    [Fact]
    public void Partials_refuse_models_that_need_touch_times_and_mismatched_options()
    {
        var table = LeadTable.Build(Generators.Leads(Pipeline.Default, 4, 4).Sample(1, 1).Single());
        var asOf = Generators.Epoch.AddDays(60);
        var p = AttributionAnalyzer.AnalyzePartition(table, asOf, 0, 2);
        Assert.Throws<ArgumentException>(() => p.ToComparison(new[] { AttributionModel.TimeDecay }));
        Assert.Throws<ArgumentException>(() => p.ToComparison(new[] { AttributionModel.WShaped }));
        Assert.Throws<ArgumentException>(() => p.Merge(AttributionAnalyzer.AnalyzePartition(table, asOf.AddDays(1), 2, 2)));
        Assert.Throws<ArgumentException>(() => p.Merge(AttributionAnalyzer.AnalyzePartition(table, asOf, 2, 2, new AttributionOptions { MarkovOrder = 2 })));
        Assert.Throws<ArgumentException>(() => AttributionPartition.Merge(Array.Empty<AttributionPartition>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttributionAnalyzer.AnalyzePartition(table, asOf, 3, 3));
    }

    private static Lead Lead(string id, DateTimeOffset acquired, bool won, decimal? amount)
    {
        var b = new LeadBuilder { Id = id, Channel = "seo", AcquiredAt = acquired, DealAmount = amount is { } m ? new Money(m, Currency.CNY) : null };
        if (won)
        {
            b.SetStageTime(Pipeline.Won, acquired.AddDays(3));
        }
        else
        {
            b.LostAt = acquired.AddDays(3);
        }

        return b.Build();
    }

    private static List<(int Start, int Count)> Ranges(int count, int seed)
    {
        var random = new Random(seed);
        var cuts = Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(0, count + 1)).Append(0).Append(count).Distinct().OrderBy(x => x).ToList();
        var ranges = new List<(int, int)>();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            ranges.Add((cuts[i], cuts[i + 1] - cuts[i]));
        }

        if (ranges.Count == 0)
        {
            ranges.Add((0, 0));
        }

        return ranges;
    }

    private static AttributionOptions WithTouchpoints(AttributionOptions o, TouchpointTable? touchpoints) => new()
    {
        By = o.By,
        LookbackWindow = o.LookbackWindow,
        TimeDecayHalfLife = o.TimeDecayHalfLife,
        Touchpoints = touchpoints,
    };

    private static void Close(AttributionComparison expected, AttributionComparison actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        for (var m = 0; m < expected.Results.Count; m++)
        {
            var e = expected.Results[m];
            var a = actual.Results[m];
            var what = e.Model.ToString();
            Assert.Equal(e.Model, a.Model);
            Near(e.TotalConversions, a.TotalConversions, what);
            Assert.Equal(e.TotalValue, a.TotalValue);
            Assert.Equal(e.JourneyCount, a.JourneyCount);
            Assert.Equal(e.UnattributedConversions, a.UnattributedConversions);
            Assert.Equal(e.UnattributedValue, a.UnattributedValue);
            Assert.Equal(e.DroppedTouchpoints, a.DroppedTouchpoints);
            Assert.Equal(e.UnmatchedTouchpoints, a.UnmatchedTouchpoints);
            Assert.Equal(e.Credits.Select(x => x.Key), a.Credits.Select(x => x.Key));
            for (var i = 0; i < e.Credits.Count; i++)
            {
                Near(e.Credits[i].Conversions, a.Credits[i].Conversions, what + " " + e.Credits[i].Key);
                Assert.Equal(e.Credits[i].Value, a.Credits[i].Value);
                Near(e.Credits[i].RemovalEffect, a.Credits[i].RemovalEffect, what + " removal " + e.Credits[i].Key);
                Near(e.Credits[i].ValueRemovalEffect, a.Credits[i].ValueRemovalEffect, what + " value removal " + e.Credits[i].Key);
            }
        }
    }

    private static void Near(double? expected, double? actual, string what)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } x && actual is { } y)
        {
            Assert.True(Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x)), $"{what}: {x:R} vs {y:R}");
        }
    }
}
