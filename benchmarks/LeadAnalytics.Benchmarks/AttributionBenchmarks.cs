using BenchmarkDotNet.Attributes;
using LeadAnalytics.Attribution;

namespace LeadAnalytics.Benchmarks;

/// <summary>Markov (exact, order 1) and Shapley attribution by channel: on lead journeys (leads with about 4 touchpoints each,
/// the journeys keyed, ordered and aggregated by the engine) and on the same journeys aggregated into distinct paths.</summary>
[MemoryDiagnoser]
public class AttributionBenchmarks
{
    private static readonly AttributionOptions Markov = new() { Model = AttributionModel.Markov };
    private static readonly AttributionOptions Shapley = new() { Model = AttributionModel.Shapley };
    private static readonly AttributionModel[] Both = { AttributionModel.Markov, AttributionModel.Shapley };
    private AttributionJourneys _leads = null!;
    private AttributionJourneys _paths = null!;

    [ParamsSource(nameof(Sizes))]
    public int Leads { get; set; }

    public static IEnumerable<int> Sizes() => BenchmarkSizes.Leads();

    [GlobalSetup]
    public void Setup()
    {
        var (leads, touchpoints, paths) = SyntheticJourneys.Leads(Leads);
        _leads = AttributionJourneys.FromLeads(leads, touchpoints, Currency.CNY);
        _paths = AttributionJourneys.FromPaths(paths, Currency.CNY);
    }

    [Benchmark]
    public AttributionResult MarkovLeadJourneys() => AttributionAnalyzer.Analyze(_leads, Markov);

    [Benchmark]
    public AttributionResult ShapleyLeadJourneys() => AttributionAnalyzer.Analyze(_leads, Shapley);

    /// <summary>Both models on one preparation of the journeys.</summary>
    [Benchmark]
    public AttributionComparison MarkovAndShapleyLeadJourneys() => AttributionAnalyzer.Compare(_leads, Both);

    [Benchmark]
    public AttributionResult MarkovPaths() => AttributionAnalyzer.Analyze(_paths, Markov);

    [Benchmark]
    public AttributionResult ShapleyPaths() => AttributionAnalyzer.Analyze(_paths, Shapley);
}
