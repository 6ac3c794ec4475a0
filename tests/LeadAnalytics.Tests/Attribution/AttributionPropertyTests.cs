using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>The laws every attribution model obeys, on generated path sets and lead journeys.</summary>
public class AttributionPropertyTests
{
    private static AttributionOptions With(AttributionOptions o, AttributionModel model, IReadOnlyCollection<string>? direct = null) => new()
    {
        Model = model,
        MarkovOrder = o.MarkovOrder,
        MarkovCollapseRepeats = o.MarkovCollapseRepeats,
        MarkovUseNonConvertingPaths = o.MarkovUseNonConvertingPaths,
        MarkovValueRule = o.MarkovValueRule,
        LookbackWindow = o.LookbackWindow,
        AsOf = o.AsOf,
        TimeDecayHalfLife = o.TimeDecayHalfLife,
        By = o.By,
        DirectChannels = direct ?? o.DirectChannels,
    };

    private static AttributionComparison CompareAll(PathCase c, AttributionJourneys? journeys = null, IReadOnlyCollection<string>? direct = null) =>
        AttributionAnalyzer.Compare(journeys ?? c.Journeys, AttributionGenerators.PathModels, With(c.Options, AttributionModel.Markov, direct));

    [Property]
    public Property Credit_is_conserved_on_aggregated_paths() =>
        Prop.ForAll(AttributionGenerators.PathCases, c =>
        {
            var comparison = CompareAll(c);
            var expectedConversions = c.Paths.Sum(p => p.Conversions);
            var expectedValue = Math.Round(c.Paths.Sum(p => p.Value), c.Currency.MinorUnits, MidpointRounding.AwayFromZero);
            foreach (var result in comparison.Results)
            {
                AttributionAssert.Conserved(result);
                Assert.Equal(expectedConversions, result.TotalConversions, 1e-9);
                Assert.Equal(new Money(expectedValue, c.Currency), result.TotalValue);
            }

            return true;
        });

    [Property(MaxTest = 60)]
    public Property Credit_is_conserved_on_lead_journeys_for_every_model() =>
        Prop.ForAll(AttributionGenerators.LeadCases, c =>
        {
            var comparison = AttributionAnalyzer.Compare(c.Journeys, AttributionGenerators.AllModels, c.Options);
            var won = c.Leads.Where(l => (c.Options.AsOf is { } a ? l.OutcomeAsOf(a) : l.Outcome) == Outcome.Won && (c.Options.AsOf is null || l.AcquiredAt <= c.Options.AsOf)).ToList();
            foreach (var result in comparison.Results)
            {
                AttributionAssert.Conserved(result);

                // Every won lead is either credited or reported unattributed.
                Assert.Equal(won.Count, result.TotalConversions + result.UnattributedConversions, 1e-9);
                Assert.Equal(won.Sum(l => l.DealAmount?.Amount ?? 0m), result.TotalValue.Amount + result.UnattributedValue.Amount, 2);
                Assert.True(result.UnmatchedTouchpoints >= 1);
            }

            return true;
        });

    [Property]
    public Property Input_order_does_not_matter() =>
        Prop.ForAll(AttributionGenerators.PathCases, c =>
        {
            var shuffled = CompareAll(c, AttributionJourneys.FromPaths(AttributionGenerators.Shuffle(c.Paths, c.Seed), c.Currency));
            AssertIdentical(CompareAll(c), shuffled);
            return true;
        });

    [Property(MaxTest = 40)]
    public Property Lead_and_touchpoint_order_does_not_matter() =>
        Prop.ForAll(AttributionGenerators.LeadCases, c =>
        {
            var shuffled = AttributionJourneys.FromLeads(AttributionGenerators.Shuffle(c.Leads, c.Seed), AttributionGenerators.Shuffle(c.Touchpoints, c.Seed + 1), Currency.CNY);
            AssertIdentical(
                AttributionAnalyzer.Compare(c.Journeys, AttributionGenerators.AllModels, c.Options),
                AttributionAnalyzer.Compare(shuffled, AttributionGenerators.AllModels, c.Options));
            return true;
        });

    [Property]
    public Property Renaming_channels_permutes_the_output_and_changes_nothing_else() =>
        Prop.ForAll(AttributionGenerators.PathCases, c =>
        {
            // A random bijection onto new names, so the ordinal order of the channels changes too.
            var targets = AttributionGenerators.Shuffle(new[] { "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "Z", "ä" }, c.Seed);
            var rename = new Dictionary<string, string>();
            for (var i = 0; i < AttributionGenerators.Channels.Length; i++)
            {
                rename[AttributionGenerators.Channels[i]] = targets[i];
            }

            var renamedPaths = c.Paths.Select(p => new AggregatedPath(p.Steps.Select(s => rename[s]), p.Conversions, p.Value, p.Nulls));
            var original = CompareAll(c, direct: new[] { "Direct" });
            var renamed = CompareAll(c, AttributionJourneys.FromPaths(renamedPaths, c.Currency), new[] { rename["Direct"] });
            var unit = Unit(c.Currency);
            for (var m = 0; m < original.Results.Count; m++)
            {
                var a = original.Results[m];
                var b = renamed.Results[m];
                Assert.Equal(a.TotalConversions, b.TotalConversions, 1e-9);
                Assert.Equal(a.TotalValue, b.TotalValue);
                Assert.Equal(a.Credits.Select(x => rename[x.Key]).OrderBy(k => k, StringComparer.Ordinal), b.Credits.Select(x => x.Key));
                foreach (var x in a.Credits)
                {
                    var y = b.Find(rename[x.Key])!;
                    Assert.Equal(x.Conversions, y.Conversions, 1e-9);

                    // Equal shares may break a tie the other way once the names sort differently: at most one minor unit.
                    Assert.True(Math.Abs(x.Value.Amount - y.Value.Amount) <= unit, $"{a.Model} {x.Key}: {x.Value} vs {y.Value}");
                    Assert.Equal(x.RemovalEffect is null, y.RemovalEffect is null);
                    Assert.Equal(x.RemovalEffect ?? 0, y.RemovalEffect ?? 0, 1e-12);
                }

                if (a.Markov is { } chain)
                {
                    Assert.Equal(chain.ConversionProbability ?? -1, b.Markov!.ConversionProbability ?? -1, 1e-12);
                    Assert.Equal(chain.Transitions.Count, b.Markov.Transitions.Count);
                }
            }

            // Renaming that keeps the ordinal order changes nothing at all but the names.
            var prefixed = c.Paths.Select(p => new AggregatedPath(p.Steps.Select(s => "x-" + s), p.Conversions, p.Value, p.Nulls));
            var same = CompareAll(c, AttributionJourneys.FromPaths(prefixed, c.Currency), new[] { "x-Direct" });
            for (var m = 0; m < original.Results.Count; m++)
            {
                Assert.Equal(
                    original.Results[m].Credits.Select(x => ("x-" + x.Key, x.Conversions, x.Value, x.RemovalEffect, x.ValueRemovalEffect)),
                    same.Results[m].Credits.Select(x => (x.Key, x.Conversions, x.Value, x.RemovalEffect, x.ValueRemovalEffect)));
            }

            return true;
        });

    [Property]
    public Property Shapley_symmetry_two_interchangeable_channels_get_equal_credit() =>
        Prop.ForAll(AttributionGenerators.PathCases, c =>
        {
            // Adding every path with seo and email swapped makes the game symmetric in seo and email.
            static string Swap(string s) => s == "seo" ? "email" : s == "email" ? "seo" : s;
            var symmetric = c.Paths.Concat(c.Paths.Select(p => new AggregatedPath(p.Steps.Select(Swap), p.Conversions, p.Value, p.Nulls)));
            var result = AttributionAnalyzer.Analyze(AttributionJourneys.FromPaths(symmetric, c.Currency), new AttributionOptions { Model = AttributionModel.Shapley });
            if (result.Find("seo") is { } seo)
            {
                var email = result.Find("email")!;
                Assert.Equal(seo.Conversions, email.Conversions, 1e-9);
                Assert.True(Math.Abs(seo.Value.Amount - email.Value.Amount) <= Unit(c.Currency));
            }

            return true;
        });

    [Property]
    public Property A_channel_only_on_non_converting_journeys_gets_nothing_but_from_Markov() =>
        Prop.ForAll(AttributionGenerators.PathCases, c =>
        {
            // "zzz" joins every non-converting path: a null player of the Shapley game, and never credited by a rule.
            var withNull = c.Paths.Select(p => p.Conversions > 0 ? p : new AggregatedPath(p.Steps.Concat(new[] { "zzz" }), 0, 0m, p.Nulls)).ToArray();
            var before = CompareAll(c);
            var after = CompareAll(c, AttributionJourneys.FromPaths(withNull, c.Currency));
            for (var m = 0; m < after.Results.Count; m++)
            {
                var result = after.Results[m];
                if (result.Model == AttributionModel.Markov)
                {
                    continue; // Markov can credit it: its transitions feed states that convert elsewhere (docs/attribution.md)
                }

                if (result.Find("zzz") is { } zzz)
                {
                    Assert.Equal(0, zzz.Conversions);
                    Assert.Equal(0m, zzz.Value.Amount);
                }

                if (result.Model == AttributionModel.Shapley)
                {
                    // The other players' values are untouched by a null player.
                    Assert.Equal(before.Results[m].Credits.Select(x => (x.Key, x.Conversions, x.Value)), result.Credits.Where(x => x.Key != "zzz").Select(x => (x.Key, x.Conversions, x.Value)));
                }
            }

            // A channel that never appears is not listed at all.
            Assert.All(after.Results, r => Assert.Null(r.Find("never")));
            return true;
        });

    [Property]
    public Property With_one_channel_it_gets_everything() =>
        Prop.ForAll(AttributionGenerators.PathCases, c =>
        {
            var solo = c.Paths.Select(p => new AggregatedPath(p.Steps.Select(_ => "solo"), p.Conversions, p.Value, p.Nulls));
            foreach (var result in CompareAll(c, AttributionJourneys.FromPaths(solo, c.Currency)).Results)
            {
                if (result.Credits.Count == 0)
                {
                    continue;
                }

                var credit = Assert.Single(result.Credits);
                Assert.Equal(result.TotalConversions, credit.Conversions, 1e-9);
                Assert.Equal(result.TotalValue, credit.Value);
            }

            return true;
        });

    [Property]
    public Property Markov_removal_effects_and_probabilities_lie_in_zero_one() =>
        Prop.ForAll(AttributionGenerators.PathCases, c =>
        {
            var result = AttributionAnalyzer.Analyze(c.Journeys, With(c.Options, AttributionModel.Markov));
            foreach (var credit in result.Credits)
            {
                Assert.InRange(credit.RemovalEffect ?? 0, 0.0, 1.0);
                Assert.InRange(credit.ValueRemovalEffect ?? 0, 0.0, 1.0);
            }

            Assert.InRange(result.Markov!.ConversionProbability ?? 0, 0.0, 1.0 + 1e-12);
            foreach (var from in result.Markov.Transitions.GroupBy(t => t.From))
            {
                Assert.Equal(1.0, from.Sum(t => t.Probability), 1e-12);
                Assert.All(from, t => Assert.InRange(t.Probability, 0.0, 1.0));
            }

            return true;
        });

    private static decimal Unit(Currency currency)
    {
        var unit = 1m;
        for (var i = 0; i < currency.MinorUnits; i++)
        {
            unit /= 10m;
        }

        return unit;
    }

    private static void AssertIdentical(AttributionComparison a, AttributionComparison b)
    {
        Assert.Equal(a.Keys, b.Keys);
        for (var m = 0; m < a.Results.Count; m++)
        {
            var x = a.Results[m];
            var y = b.Results[m];
            Assert.Equal(x.TotalConversions, y.TotalConversions);
            Assert.Equal(x.TotalValue, y.TotalValue);
            Assert.Equal(
                x.Credits.Select(c => (c.Key, c.Conversions, c.Value, c.RemovalEffect, c.ValueRemovalEffect)),
                y.Credits.Select(c => (c.Key, c.Conversions, c.Value, c.RemovalEffect, c.ValueRemovalEffect)));
            Assert.Equal((x.JourneyCount, x.UnattributedConversions, x.UnattributedValue, x.DroppedTouchpoints, x.UnmatchedTouchpoints), (y.JourneyCount, y.UnattributedConversions, y.UnattributedValue, y.DroppedTouchpoints, y.UnmatchedTouchpoints));
            if (x.Markov is not null)
            {
                Assert.Equal(x.Markov.ConversionProbability, y.Markov!.ConversionProbability);
                Assert.Equal(x.Markov.Transitions.Select(t => (t.From, t.To, t.Count, t.Probability)), y.Markov.Transitions.Select(t => (t.From, t.To, t.Count, t.Probability)));
            }
        }
    }
}
