using System.Globalization;
using LeadAnalytics.Csv;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using LeadAnalytics.Json;
using LeadAnalytics.Tests.Actions;
using LeadAnalytics.Tests.CycleTime;
using MathNet.Numerics.Distributions;

namespace LeadAnalytics.Tests.Funnel;

/// <summary>Cohorts within segments (issue 20 item 1): every cohort × segment cell carries its maturity and projected
/// conversion at W, borrowing the time profile from its own segment's older cohorts (docs/funnel.md, "Cohorts within
/// segments"); by hand and against R's survival (TestData/Funnel/make_cohort_segment_golden.R).</summary>
public class CohortSegmentTests
{
    private static readonly DateTimeOffset Start = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SampleAsOf = new(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(8));

    private static double? Parse(string s) => s == "NA" ? null : double.Parse(s, CultureInfo.InvariantCulture);

    // Four monthly cohorts (January to April 2023), each of 20 leads in channel A and 20 in B, all acquired at 00:00 on the
    // 1st; W = 20 days, as-of 2023-04-11 (April is 10 days old). A: 4 won at day 5, 8 lost at day 8, 4 won at day 15, 4
    // lost at day 25 (8/20 = 0.4 at W). B: 4 won at day 5, 8 lost at day 8, 8 lost at day 25 (4/20 = 0.2 at W).
    internal static LeadTable TwoChannels(string first = "A", string second = "B")
    {
        var leads = new List<Lead>();
        for (var c = 0; c < 4; c++)
        {
            var acquired = Start.AddMonths(c);
            foreach (var channel in new[] { first, second })
            {
                for (var i = 0; i < 20; i++)
                {
                    var b = new LeadBuilder { Id = $"{channel}-{c}-{i}", Channel = channel, AcquiredAt = acquired };
                    if (i < 4)
                    {
                        b.WonAt = acquired.AddDays(5);
                    }
                    else if (i < 12)
                    {
                        b.LostAt = acquired.AddDays(8);
                    }
                    else if (i < 16 && channel == first)
                    {
                        b.WonAt = acquired.AddDays(15);
                    }
                    else
                    {
                        b.LostAt = acquired.AddDays(25);
                    }

                    leads.Add(b.Build());
                }
            }
        }

        return LeadTable.Build(leads);
    }

    internal static readonly DateTimeOffset TwoChannelsAsOf = new(2023, 4, 11, 0, 0, 0, TimeSpan.Zero);

    internal static readonly FunnelOptions TwoChannelsOptions = new() { MaturityWindow = TimeSpan.FromDays(20) };

    internal static FunnelCohorts TwoChannelCohorts(LeadTable? table = null) =>
        FunnelAnalyzer.AnalyzeCohorts(table ?? TwoChannels(), TwoChannelsAsOf, CohortPeriod.Month, Dimension.Channel, TwoChannelsOptions);

    [Fact]
    public void Hand_calculated_a_young_cell_borrows_from_its_own_segment()
    {
        var cohorts = TwoChannelCohorts();
        Assert.Equal(Dimension.Channel, cohorts.SegmentBy);
        Assert.Equal(new[] { "A", "B" }, cohorts.Segments.Select(s => s.Label));
        var (a, b) = (cohorts.Segments[0], cohorts.Segments[1]);
        Assert.Equal(new[] { "2023-01", "2023-02", "2023-03", "2023-04" }, a.Cohorts.Select(c => c.Label));
        Assert.Equal((80L, 28L), (a.Total.Leads, a.Total.Won)); // 3 × 8 won by as-of, April 4 so far

        // April in A: F(10) = 4/20 = 0.2, S(10) = 8/20 = 0.4. A's leads still open after day 10 are January-March's 3 × 8
        // (April's are censored at 10): 12 won at day 15, 12 lost at 25, so q = 12/24 = 0.5 and F(20) = 0.2 + 0.4 × 0.5 = 0.4.
        // In B the same 3 × 8 are all lost at day 25: q = 0 and F(20) = 0.2. Borrowing from all leads (q = 12/48 = 0.25)
        // would give both 0.3: the cohorts of all leads do, as their reference is all leads.
        var aprilA = a.Cohorts[3].Funnel.Maturity!;
        var aprilB = b.Cohorts[3].Funnel.Maturity!;
        Assert.Equal((20L, 0L, 4L, true), (aprilA.Leads, aprilA.MatureLeads, aprilA.WonWithinWindow, aprilA.IsBorrowed));
        Assert.Equal(0.4, aprilA.ProjectedConversion!.Value, 12);
        Assert.Equal(0.2, aprilA.BorrowedShare!.Value, 12);
        Assert.Equal(0.2, aprilB.ProjectedConversion!.Value, 12);
        Assert.Equal(0.0, aprilB.BorrowedShare!.Value, 12);
        Assert.Equal(0.3, cohorts.Cohorts[3].Funnel.Maturity!.ProjectedConversion!.Value, 12);

        // The mature cells are observed: 8/20 and 4/20.
        Assert.All(a.Cohorts.Take(3), c => Assert.Equal((true, 8L, 0.4), (c.Funnel.Maturity!.IsMature, c.Funnel.Maturity.WonWithinWindow, c.Funnel.Maturity.ProjectedConversion!.Value)));
        Assert.All(b.Cohorts.Take(3), c => Assert.Equal((true, 4L, 0.2), (c.Funnel.Maturity!.IsMature, c.Funnel.Maturity.WonWithinWindow, c.Funnel.Maturity.ProjectedConversion!.Value)));

        // Each segment's trend at W is flat (z = 0: every cohort at the same rate); observed A falls 8, 8, 8, 4 of 20:
        // p = 28/80 = 0.35, sum x(s - 1.5) = -12 - 4 + 4 + 6 = -6, variance 0.35 × 0.65 × 20 × 5 = 22.75, z = -6/sqrt(22.75).
        Assert.Equal(0.0, a.ConversionTrend.Projected.Statistic!.Value, 9);
        Assert.Equal(0.0, b.ConversionTrend.Projected.Statistic!.Value, 9);
        Assert.Equal(-6 / Math.Sqrt(22.75), a.ConversionTrend.Observed.Statistic!.Value, 9);
    }

    [Fact]
    public void The_cohorts_of_all_leads_are_those_without_segments_and_the_cells_sum_to_them()
    {
        var table = LeadTable.Build(LeadCsv.Read(SampleDataFiles.PathOf("leads.csv")).Records);
        var options = new FunnelOptions { Scope = new AnalysisScope { CohortUtcOffset = TimeSpan.FromHours(8) } };
        var plain = FunnelAnalyzer.AnalyzeCohorts(table, SampleAsOf, CohortPeriod.Month, options);
        var crossed = FunnelAnalyzer.AnalyzeCohorts(table, SampleAsOf, CohortPeriod.Month, Dimension.Channel, options);
        Assert.Empty(plain.Segments);
        Assert.Null(plain.SegmentBy);

        // Same cohorts, counts, projections and trend: the JSON documents agree once the segments are taken out.
        var withoutSegments = LeadAnalyticsJson.SerializeFunnelCohorts(crossed);
        var cut = withoutSegments.IndexOf(",\n  \"segmentBy\"", StringComparison.Ordinal);
        Assert.True(cut > 0);
        Assert.Equal(LeadAnalyticsJson.SerializeFunnelCohorts(plain).TrimEnd(), withoutSegments.Substring(0, cut) + "\n}");

        var channels = FunnelAnalyzer.AnalyzeBy(table, SampleAsOf, Dimension.Channel, options);
        Assert.Equal(channels.Segments.Select(s => (s.Label, s.Funnel.Leads, s.Funnel.Won)), crossed.Segments.Select(s => (s.Label, s.Total.Leads, s.Total.Won)));
        for (var c = 0; c < crossed.Cohorts.Count; c++)
        {
            Assert.Equal(crossed.Cohorts[c].Funnel.Leads, crossed.Segments.Sum(s => s.Cohorts[c].Funnel.Leads));
            Assert.Equal(crossed.Cohorts[c].Funnel.Won, crossed.Segments.Sum(s => s.Cohorts[c].Funnel.Won));
            Assert.All(crossed.Segments, s => Assert.Equal(crossed.Cohorts[c].Label, s.Cohorts[c].Label));
        }
    }

    [Fact]
    public void Cohort_segment_cells_match_R_survival_on_the_sample_data_to_1e_9()
    {
        var table = LeadTable.Build(LeadCsv.Read(SampleDataFiles.PathOf("leads.csv")).Records);
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Funnel", "cohort_segment_golden.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(72, rows.Count);
        var z = Normal.InvCDF(0, 1, 0.975);
        int borrowed = 0, observed = 0;
        foreach (var window in new[] { 30, 90 })
        {
            var cohorts = FunnelAnalyzer.AnalyzeCohorts(table, SampleAsOf, CohortPeriod.Month, Dimension.Channel, new FunnelOptions
            {
                Scope = new AnalysisScope { CohortUtcOffset = TimeSpan.FromHours(8) },
                MaturityWindow = TimeSpan.FromDays(window),
            });
            var cells = cohorts.Segments.SelectMany(s => s.Cohorts.Where(c => c.Funnel.Leads > 0).Select(c => (Key: $"{s.Label}|{c.Label}", c.Funnel.Maturity!)))
                .ToDictionary(c => c.Key, c => c.Item2);
            var golden = rows.Where(r => r[0] == window.ToString(CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(golden.Count, cells.Count);
            foreach (var r in golden)
            {
                var what = $"W={window} {r[1]} {r[2]}";
                var m = cells[$"{r[1]}|{r[2]}"];
                Assert.Equal(long.Parse(r[3], CultureInfo.InvariantCulture), m.Leads);
                Assert.Equal(long.Parse(r[4], CultureInfo.InvariantCulture), m.MatureLeads);
                // As FunnelMaturityTests, with q from the channel's own leads.
                if (FunnelMaturityTests.AssertMatchesR(m, r.Skip(5).Select(Parse).ToArray(), z, what))
                {
                    borrowed++;
                }
                else
                {
                    observed++;
                }
            }
        }

        Assert.Equal((13, 59), (borrowed, observed));
    }

    [Fact]
    public void Tags_are_refused_and_the_json_carries_the_cells()
    {
        Assert.Throws<ArgumentException>(() => FunnelGrouping.ByCohort(CohortPeriod.Month, Dimension.Tag));
        Assert.Equal("cohort by Month x Channel", FunnelGrouping.ByCohort(CohortPeriod.Month, Dimension.Channel).ToString());
        using var json = System.Text.Json.JsonDocument.Parse(LeadAnalyticsJson.SerializeFunnelCohorts(TwoChannelCohorts()));
        var root = json.RootElement;
        Assert.Equal("channel", root.GetProperty("segmentBy").GetString());
        var a = root.GetProperty("segments")[0];
        Assert.Equal("A", a.GetProperty("key").GetString());
        var april = a.GetProperty("cohorts")[3].GetProperty("funnel").GetProperty("maturity");
        Assert.Equal(0.4, april.GetProperty("projectedConversion").GetDouble(), 12);
        Assert.Equal(0.0, a.GetProperty("conversionTrend").GetProperty("projected").GetProperty("statistic").GetDouble(), 9);
    }
}
