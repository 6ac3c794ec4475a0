using BenchmarkDotNet.Attributes;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;

namespace LeadAnalytics.Benchmarks;

/// <summary>The segment summary by channel with costs: the per-lead acquisition costs, and a cost table (one entry per channel
/// per month) allocated to leads.</summary>
[MemoryDiagnoser]
public class EffectivenessBenchmarks
{
    private static readonly AnalysisScope ByChannel = new() { Breakdown = new[] { Dimension.Channel } };
    private LeadTable _table = null!;
    private List<CostEntry> _costs = null!;

    [ParamsSource(nameof(Sizes))]
    public int Leads { get; set; }

    public static IEnumerable<int> Sizes() => BenchmarkSizes.Leads();

    [GlobalSetup]
    public void Setup()
    {
        _table = SyntheticLeads.Table(Leads);
        _costs = SyntheticLeads.Costs(Leads);
    }

    [Benchmark]
    public EffectivenessResult PerLeadCosts() => EffectivenessAnalyzer.Analyze(_table, SyntheticLeads.AsOf, new EffectivenessOptions { Scope = ByChannel });

    [Benchmark]
    public EffectivenessResult CostTable() => EffectivenessAnalyzer.Analyze(_table, SyntheticLeads.AsOf, new EffectivenessOptions { Scope = ByChannel, Costs = _costs });
}
