using System.Globalization;
using LeadAnalytics.Attribution;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// Deterministic synthetic journeys for the attribution benchmarks: lead journeys with touchpoints (the leads of
/// <see cref="SyntheticLeads"/>, 1 to 7 touches each, 4 on average), and aggregated paths over any number of channels.
/// </summary>
public static class SyntheticJourneys
{
    /// <summary>The leads of <see cref="SyntheticLeads.Rows"/> with their touchpoints, and the same journeys aggregated by
    /// channel path. The first touch is the lead's own channel at its acquisition (first touch, lead created); the others
    /// are drawn with the same skewed channel shares and spread evenly up to the lead's end (won or lost instant, or 60 days
    /// for an open lead).</summary>
    public static (Lead[] Leads, Touchpoint[] Touchpoints, AggregatedPath[] Paths) Leads(int count, int seed = 7)
    {
        var rng = new Random(seed);
        var cumulative = ZipfCumulative(SyntheticLeads.Channels.Length);
        var leads = new Lead[count];
        var touches = new List<Touchpoint>(count * 4);
        var paths = new Dictionary<string, (double Conversions, decimal Value, double Nulls, string[] Steps)>(StringComparer.Ordinal);
        var steps = new List<string>(8);
        var i = 0;
        foreach (var row in SyntheticLeads.Rows(count))
        {
            var lead = SyntheticLeads.ToLead(row, i);
            leads[i++] = lead;
            var end = lead.WonAt ?? lead.LostAt ?? lead.AcquiredAt.AddDays(60);
            var n = 1 + rng.Next(7);
            var step = (end - lead.AcquiredAt).Ticks / n;
            steps.Clear();
            for (var k = 0; k < n; k++)
            {
                var channel = k == 0 ? lead.Channel! : SyntheticLeads.Channels[Draw(rng, cumulative)];
                var milestones = k == 0 ? CrmMilestones.FirstTouch | CrmMilestones.LeadCreated : CrmMilestones.None;
                touches.Add(new Touchpoint(lead.Id, lead.AcquiredAt.AddTicks(step * k), channel, null, null, milestones));
                steps.Add(channel);
            }

            var key = string.Join('>', steps);
            paths.TryGetValue(key, out var counts);
            var won = lead.Outcome == Outcome.Won;
            paths[key] = (counts.Conversions + (won ? 1 : 0), counts.Value + (won ? lead.DealAmount!.Value.Amount : 0m), counts.Nulls + (won ? 0 : 1), counts.Steps ?? steps.ToArray());
        }

        var aggregated = paths.Values.Select(p => new AggregatedPath(p.Steps, p.Conversions, p.Value, p.Nulls)).ToArray();
        return (leads, touches.ToArray(), aggregated);
    }

    /// <summary>Journeys of 1 to <paramref name="maxTouches"/> touches over <paramref name="channels"/> channels (skewed
    /// shares) aggregated into distinct paths, until <paramref name="journeys"/> journeys were drawn or
    /// <paramref name="distinctPaths"/> distinct paths were seen. A journey converts with a probability that grows with its
    /// length and depends on its channels; a conversion is worth 1,000 to 100,000.</summary>
    public static AggregatedPath[] Paths(int channels, int maxTouches, int journeys, int distinctPaths, int seed = 11)
    {
        var rng = new Random(seed);
        var names = Enumerable.Range(0, channels).Select(c => "ch" + c.ToString("00", CultureInfo.InvariantCulture)).ToArray();
        var lift = Enumerable.Range(0, channels).Select(c => 0.005 + (0.03 * ((c * 7) % channels) / channels)).ToArray();
        var cumulative = ZipfCumulative(channels);
        var paths = new Dictionary<string, (double Conversions, decimal Value, double Nulls, string[] Steps)>(StringComparer.Ordinal);
        var steps = new List<string>(maxTouches);
        for (var j = 0; j < journeys && paths.Count < distinctPaths; j++)
        {
            var n = 1 + rng.Next(maxTouches);
            steps.Clear();
            var p = 0.01;
            for (var k = 0; k < n; k++)
            {
                var c = Draw(rng, cumulative);
                steps.Add(names[c]);
                p += lift[c];
            }

            var won = rng.NextDouble() < p;
            var key = string.Join('>', steps);
            paths.TryGetValue(key, out var counts);
            paths[key] = (counts.Conversions + (won ? 1 : 0), counts.Value + (won ? 1_000m + rng.Next(99_001) : 0m), counts.Nulls + (won ? 0 : 1), counts.Steps ?? steps.ToArray());
        }

        return paths.Values.Select(p => new AggregatedPath(p.Steps, p.Conversions, p.Value, p.Nulls)).ToArray();
    }

    private static double[] ZipfCumulative(int count)
    {
        var cumulative = new double[count];
        var total = 0.0;
        for (var i = 0; i < count; i++)
        {
            total += 1.0 / (i + 1);
        }

        var running = 0.0;
        for (var i = 0; i < count; i++)
        {
            running += 1.0 / (i + 1) / total;
            cumulative[i] = running;
        }

        return cumulative;
    }

    private static int Draw(Random rng, double[] cumulative)
    {
        var u = rng.NextDouble();
        var c = 0;
        while (c < cumulative.Length - 1 && u > cumulative[c])
        {
            c++;
        }

        return c;
    }
}
