using BenchmarkDotNet.Attributes;
using LeadAnalytics.Data;

namespace LeadAnalytics.Benchmarks;

/// <summary>Building the columnar table from Lead objects (the CRM-embedding path).</summary>
[MemoryDiagnoser]
public class LeadTableBenchmarks
{
    private Lead[] _leads = Array.Empty<Lead>();

    [ParamsSource(nameof(Sizes))]
    public int Leads { get; set; }

    public static IEnumerable<int> Sizes() => BenchmarkSizes.Leads();

    [GlobalSetup]
    public void Setup() => _leads = SyntheticLeads.Rows(Leads).Select((r, i) => SyntheticLeads.ToLead(r, i)).ToArray();

    [Benchmark]
    public LeadTable Build() => LeadTable.Build(_leads);
}
