using BenchmarkDotNet.Attributes;
using LeadAnalytics.Data;

namespace LeadAnalytics.Benchmarks;

/// <summary>Building the columnar table from Lead objects (the CRM-embedding path).</summary>
[MemoryDiagnoser]
public class LeadTableBenchmarks
{
    private Lead[] _leads = Array.Empty<Lead>();

    [Params(100_000, 1_000_000)]
    public int Leads { get; set; }

    [GlobalSetup]
    public void Setup() => _leads = SyntheticLeads.Rows(Leads).Select((r, i) => SyntheticLeads.ToLead(r, i)).ToArray();

    [Benchmark]
    public LeadTable Build() => LeadTable.Build(_leads);
}
