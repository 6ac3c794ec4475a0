using System.Text.Json;
using LeadAnalytics.Attribution;
using LeadAnalytics.Cli.Commands;
using LeadAnalytics.Csv;
using LeadAnalytics.Data;
using static LeadAnalytics.Cli.Tests.CliRunner;

namespace LeadAnalytics.Cli.Tests;

public class AttributionCommandTests
{
    private static readonly string[] Inputs = { "--leads", SampleData("leads.csv"), "--touchpoints", SampleData("touchpoints.csv"), "--as-of", "2024-01-15" };

    /// <summary>Issue 17: the tool names 直接访问 direct by default, so last-non-direct gives it nothing, and every model's credit
    /// equals what QuickStart computes with the library (the table, its touchpoint columns and the default options).</summary>
    [Fact]
    public void The_tool_and_QuickStart_agree_and_direct_gets_no_last_non_direct_credit()
    {
        var (code, stdout, stderr) = Run(new[] { "attribution", "--model", "all", "--format", "json" }.Concat(Inputs).ToArray());
        Assert.True(code == 0, stderr);

        var import = LeadCsv.Read(SampleData("leads.csv"));
        var touchpoints = TouchpointCsv.Read(SampleData("touchpoints.csv"));
        var table = LeadTable.Build(import.Records);
        var asOf = new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8));
        var library = AttributionAnalyzer.Compare(table, asOf, AttributionCommand.ModelNames.Select(m => m.Model), new AttributionOptions { Touchpoints = TouchpointTable.Build(table, touchpoints.Records) });

        using var doc = JsonDocument.Parse(stdout);
        var models = doc.RootElement.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(library.Results.Count, models.Count);
        for (var m = 0; m < models.Count; m++)
        {
            foreach (var credit in models[m].GetProperty("credits").EnumerateArray())
            {
                var expected = library.Results[m].Find(credit.GetProperty("channel").GetString()!)!;
                Assert.Equal(expected.Conversions, credit.GetProperty("conversions").GetDouble(), 9);
                Assert.Equal(expected.Value.Amount, credit.GetProperty("value").GetProperty("amount").GetDecimal());
            }
        }

        var lastNonDirect = library.For(AttributionModel.LastNonDirect);
        Assert.Equal(0.0, lastNonDirect.Find("直接访问")!.Conversions);
        Assert.Equal(0m, lastNonDirect.Find("直接访问")!.Value.Amount);
        Assert.Equal(212.0, library.For(AttributionModel.LastTouch).Find("直接访问")!.Conversions);
    }

    [Fact]
    public void The_table_prints_the_direct_channels_used_and_the_option_replaces_them()
    {
        var (code, stdout, stderr) = Run(new[] { "attribution", "--model", "last-non-direct" }.Concat(Inputs).ToArray());
        Assert.True(code == 0, stderr);
        Assert.Contains("直接访问, Direct, direct, (direct), (none)", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = Run(new[] { "attribution", "--model", "last-non-direct", "--direct-channels", "SEO", "--format", "json" }.Concat(Inputs).ToArray());
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var credits = doc.RootElement.GetProperty("credits").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("conversions").GetDouble());
        Assert.Equal(0.0, credits["SEO"]);
        Assert.True(credits["直接访问"] > 0);
    }
}
