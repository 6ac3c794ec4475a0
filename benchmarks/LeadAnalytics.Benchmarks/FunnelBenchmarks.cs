using BenchmarkDotNet.Attributes;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;

namespace LeadAnalytics.Benchmarks;

/// <summary>The funnel with a channel breakdown (<c>FunnelAnalyzer.AnalyzeBy(Channel)</c>) on a prebuilt table.</summary>
[MemoryDiagnoser]
public class FunnelBenchmarks
{
    private static readonly FunnelOptions NoDurations = new() { IncludeStepDurations = false };
    private LeadTable _table = null!;

    [ParamsSource(nameof(Sizes))]
    public int Leads { get; set; }

    public static IEnumerable<int> Sizes() => BenchmarkSizes.Leads();

    [GlobalSetup]
    public void Setup() => _table = SyntheticLeads.Table(Leads);

    /// <summary>The defaults: step durations with medians and p90s included.</summary>
    [Benchmark]
    public FunnelBreakdown ByChannel() => FunnelAnalyzer.AnalyzeBy(_table, SyntheticLeads.AsOf, Dimension.Channel);

    /// <summary>Counts, rates and intervals only (the part the DuckDB comparison's SQL computes).</summary>
    [Benchmark]
    public FunnelBreakdown ByChannelNoStepDurations() => FunnelAnalyzer.AnalyzeBy(_table, SyntheticLeads.AsOf, Dimension.Channel, NoDurations);
}
