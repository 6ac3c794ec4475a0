using BenchmarkDotNet.Attributes;
using LeadAnalytics.Csv;
using LeadAnalytics.Data;

namespace LeadAnalytics.Benchmarks;

/// <summary>Streaming CSV import: <c>LeadCsv.ReadTable</c> on the generated tracking table (written once to the temp folder).</summary>
[MemoryDiagnoser]
public class CsvImportBenchmarks
{
    private string _path = "";

    [ParamsSource(nameof(Sizes))]
    public int Leads { get; set; }

    public static IEnumerable<int> Sizes() => BenchmarkSizes.Leads();

    [GlobalSetup]
    public void Setup() => _path = SyntheticCsv.Ensure(Path.Combine(Path.GetTempPath(), "leadanalytics-bench"), Leads);

    /// <summary>The defaults: two threads, duplicate ids checked.</summary>
    [Benchmark]
    public LeadTable ReadTable() => LeadCsv.ReadTable(_path).Table;

    /// <summary>Without the duplicate-id check (one hash set of every id), as the profile mode measures.</summary>
    [Benchmark]
    public LeadTable ReadTableNoDuplicateCheck() => LeadCsv.ReadTable(_path, new CsvReadOptions { CheckDuplicateIds = false }).Table;
}
