using BenchmarkDotNet.Attributes;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;

namespace LeadAnalytics.Benchmarks;

/// <summary>Kaplan-Meier by channel: the whole cycle-time analysis segmented by channel (Kaplan-Meier, Aalen-Johansen,
/// log-rank, stage durations), and <c>KaplanMeier.Fit</c> alone on each channel's durations (extracted in the setup).</summary>
[MemoryDiagnoser]
public class CycleTimeBenchmarks
{
    private static readonly CycleTimeOptions ByChannel = new() { Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel } } };
    private LeadTable _table = null!;
    private double[][] _durations = null!;
    private bool[][] _events = null!;

    [ParamsSource(nameof(Sizes))]
    public int Leads { get; set; }

    public static IEnumerable<int> Sizes() => BenchmarkSizes.Leads();

    [GlobalSetup]
    public void Setup()
    {
        _table = SyntheticLeads.Table(Leads);

        // Days from acquisition to won (event) or to lost / the as-of instant (censored), per channel, as the analyzer defines them.
        var durations = SyntheticLeads.Channels.Select(_ => new List<double>()).ToArray();
        var events = SyntheticLeads.Channels.Select(_ => new List<bool>()).ToArray();
        var index = 0;
        foreach (var row in SyntheticLeads.Rows(Leads))
        {
            var end = row.Outcome == 2 ? SyntheticLeads.LostAt(row, index) : SyntheticLeads.StageAt(row, index, row.FurthestStage);
            index++;
            if (row.Outcome == 0)
            {
                end = SyntheticLeads.AsOf;
            }

            durations[row.Channel].Add((end - row.Acquired).TotalDays);
            events[row.Channel].Add(row.Outcome == 1);
        }

        _durations = durations.Select(d => d.ToArray()).ToArray();
        _events = events.Select(e => e.ToArray()).ToArray();
    }

    [Benchmark]
    public CycleTimeResult AnalyzeByChannel() => CycleTimeAnalyzer.Analyze(_table, SyntheticLeads.AsOf, ByChannel);

    [Benchmark]
    public int KaplanMeierPerChannel()
    {
        var n = 0;
        for (var c = 0; c < _durations.Length; c++)
        {
            n += KaplanMeier.Fit(_durations[c], _events[c]).Rows.Count;
        }

        return n;
    }
}
