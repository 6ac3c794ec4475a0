using BenchmarkDotNet.Attributes;
using LeadAnalytics.Data;

namespace LeadAnalytics.Benchmarks;

/// <summary>Building a LeadTable through <see cref="LeadRecord"/> and <see cref="LeadTableBuilder"/> (no Lead objects): the
/// rows are generated once; each call fills the reusable record per row (id text included) and appends it.</summary>
[MemoryDiagnoser]
public class LeadTableBuildBenchmarks
{
    private SyntheticLeads.Row[] _rows = Array.Empty<SyntheticLeads.Row>();

    [ParamsSource(nameof(Sizes))]
    public int Leads { get; set; }

    public static IEnumerable<int> Sizes() => BenchmarkSizes.Leads();

    [GlobalSetup]
    public void Setup() => _rows = SyntheticLeads.Rows(Leads).ToArray();

    [Benchmark]
    public LeadTable BuildFromRecords() => SyntheticLeads.Table(_rows);
}
