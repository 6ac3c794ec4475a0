using System.Globalization;
using LeadAnalytics.Attribution;
using Xunit.Abstractions;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>
/// Agreement with ChannelAttribution 2.2.4 on its own PathData (10,000 aggregated paths, 12 channels). The heuristics are exactly
/// defined, so first, last and linear must agree to rounding. Its Markov numbers come from a simulation (100,000 paths, seed 0),
/// so only the exact quantities it prints (the transition matrix) are asserted; the removal effects are reported, not asserted.
/// </summary>
public class ChannelAttributionPathDataTests
{
    // Four decimals: PathData's values have up to 13, ChannelAttribution prints doubles.
    private static readonly Currency Units = new("XTS", 4);
    private readonly ITestOutputHelper _output;

    public ChannelAttributionPathDataTests(ITestOutputHelper output) => _output = output;

    [ChannelAttributionDataFact]
    public void First_last_and_linear_match_ChannelAttribution_heuristic_models()
    {
        var journeys = AttributionJourneys.FromPaths(ExternalData.ReadPathData(), Units);
        var comparison = AttributionAnalyzer.Compare(journeys, new[] { AttributionModel.FirstTouch, AttributionModel.LastTouch, AttributionModel.Linear });
        var reference = ExternalData.ReferenceTable("## heuristic_models");
        Assert.Equal(12, reference.Count);
        Assert.Equal(12, comparison.Keys.Count);

        var maxConversions = 0.0;
        var maxValue = 0m;
        foreach (var row in reference)
        {
            var channel = row[1];
            var columns = new[] { (AttributionModel.FirstTouch, 2), (AttributionModel.LastTouch, 4), (AttributionModel.Linear, 6) };
            foreach (var (model, column) in columns)
            {
                var credit = comparison.For(model).Find(channel)!;
                var conversions = double.Parse(row[column], CultureInfo.InvariantCulture);
                var value = decimal.Parse(row[column + 1], NumberStyles.Float, CultureInfo.InvariantCulture);
                maxConversions = Math.Max(maxConversions, Math.Abs(credit.Conversions - conversions));
                maxValue = Math.Max(maxValue, Math.Abs(credit.Value.Amount - value));
            }
        }

        _output.WriteLine($"max |conversions - ChannelAttribution| = {maxConversions:R}; max |value - ChannelAttribution| = {maxValue}");
        Assert.True(maxConversions < 1e-9, $"conversions differ by {maxConversions}");
        // Our values are rounded to 4 decimals and allocated by largest remainder: at most one unit of 1e-4 off.
        Assert.True(maxValue <= 0.0001m, $"values differ by {maxValue}");
    }

    [ChannelAttributionDataFact]
    public void Markov_transition_matrix_matches_and_removal_effects_are_close_to_the_simulation()
    {
        var journeys = AttributionJourneys.FromPaths(ExternalData.ReadPathData(), Units);
        var result = AttributionAnalyzer.Analyze(journeys, new AttributionOptions { Model = AttributionModel.Markov, MarkovValueRule = MarkovValueRule.LastStateMeanValue });

        // ChannelAttribution numbers channels 1..12 in order of first appearance in the data, and prints probabilities to 15 digits.
        var order = new List<string>();
        foreach (var path in ExternalData.ReadPathData())
        {
            foreach (var step in path.Steps)
            {
                if (!order.Contains(step))
                {
                    order.Add(step);
                }
            }
        }

        string Name(string s) => s switch
        {
            "(start)" or "(conversion)" or "(null)" => s,
            _ => order[int.Parse(s, CultureInfo.InvariantCulture) - 1],
        };

        var transitions = ExternalData.ReferenceTable("transition matrix");
        Assert.Equal(transitions.Count, result.Markov!.Transitions.Count);
        var maxTransition = 0.0;
        foreach (var row in transitions)
        {
            var from = Name(row[1]);
            var to = Name(row[2]);
            var ours = result.Markov.Transitions.Single(t => t.From == from && t.To == to);
            maxTransition = Math.Max(maxTransition, Math.Abs(ours.Probability - double.Parse(row[3], CultureInfo.InvariantCulture)));
        }

        _output.WriteLine($"max |transition probability - ChannelAttribution| = {maxTransition:R}");
        Assert.True(maxTransition < 1e-12, $"transition probabilities differ by {maxTransition}");

        var removal = ExternalData.ReferenceTable("removal effects");
        var markov = ExternalData.ReferenceTable("## markov_model");
        var maxRemoval = 0.0;
        var maxRelativeConversions = 0.0;
        foreach (var row in removal)
        {
            var credit = result.Find(row[1])!;
            var simulated = double.Parse(row[2], CultureInfo.InvariantCulture);
            maxRemoval = Math.Max(maxRemoval, Math.Abs(credit.RemovalEffect!.Value - simulated));
            var simulatedConversions = double.Parse(markov.Single(m => m[1] == row[1])[2], CultureInfo.InvariantCulture);
            maxRelativeConversions = Math.Max(maxRelativeConversions, Math.Abs(credit.Conversions - simulatedConversions) / simulatedConversions);
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row[1],-8} RE exact {credit.RemovalEffect:F6} simulated {simulated:F6}  value RE exact {credit.ValueRemovalEffect:F6} simulated {double.Parse(row[3], CultureInfo.InvariantCulture):F6}  conversions exact {credit.Conversions:F3} simulated {simulatedConversions:F3}  value {credit.Value.Amount} simulated {markov.Single(m => m[1] == row[1])[3]}"));
        }

        _output.WriteLine($"P(conversion) exact = {result.Markov.ConversionProbability:R}; max |RE - simulated| = {maxRemoval:R}; max relative conversions difference = {maxRelativeConversions:R}");
    }
}
