using System.Globalization;
using LeadAnalytics.Csv;
using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Forecast;
using LeadAnalytics.Tests.Actions;
using LeadAnalytics.Tests.CycleTime;

namespace LeadAnalytics.Tests.Forecast;

/// <summary>Conditional cumulative incidence against R's survival (TestData/Forecast/make_golden.R), to 1e-9.</summary>
public class ForecastGoldenTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "Forecast");

    private static List<string[]> Csv(string name) =>
        File.ReadAllLines(Path.Combine(Folder, name)).Skip(1).Select(l => l.Split(',')).ToList();

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static double? Nullable(string s) => s == "NA" ? null : Number(s);

    [Theory]
    [InlineData("ties")]
    [InlineData("continuous")]
    public void Conditional_incidence_matches_R(string set)
    {
        var data = Csv($"conditional_{set}.csv");
        var curve = CumulativeIncidence.Fit(data.Select(r => Number(r[0])).ToList(), data.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)).ToList(), 2);
        var golden = Csv("conditional_golden.csv").Where(r => r[0] == set).ToList();
        Assert.Equal(21, golden.Count);
        foreach (var r in golden)
        {
            var (a, h) = (Number(r[1]), Number(r[2]));
            SurvivalGolden.Close(Nullable(r[3]), ConditionalIncidence.Within(curve, 1, a, h), $"{set} a={a} h={h}");
        }
    }

    [Fact]
    public void Every_open_lead_of_the_sample_data_matches_R_stage_landmarked_curves()
    {
        // make_golden.R rebuilds each stage's landmark data from leads.csv on its own; the pooled forecast (no segments) must
        // give every open lead the same probability, and no probability where R's lead is beyond the last outcome of its stage.
        var table = LeadTable.Build(LeadCsv.Read(SampleDataFiles.PathOf("leads.csv")).Records);
        var asOf = new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8));
        var result = ForecastAnalyzer.Analyze(table, asOf, new ForecastOptions { BootstrapReplicates = 0 });
        var golden = Csv("sample_golden.csv");
        Assert.Equal(golden.Count, result.Leads.Count * 3);
        var byId = result.Leads.ToDictionary(l => l.Id);
        foreach (var r in golden)
        {
            var lead = byId[r[0]];
            Assert.Equal(int.Parse(r[1], CultureInfo.InvariantCulture), lead.Stage);
            SurvivalGolden.Close(Number(r[2]), lead.DaysInStage, $"{r[0]} days in stage");
            var k = result.HorizonsDays.ToList().IndexOf(int.Parse(r[3], CultureInfo.InvariantCulture));
            SurvivalGolden.Close(Nullable(r[4]), lead.WinProbabilities[k], $"{r[0]} h={r[3]}");
            Assert.Equal(r[4] == "NA", lead.IsBeyondObserved);
        }
    }
}
