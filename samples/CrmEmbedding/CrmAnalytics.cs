using LeadAnalytics;
using LeadAnalytics.Attribution;
using LeadAnalytics.Data;
using LeadAnalytics.Effectiveness;
using LeadAnalytics.Funnel;

namespace CrmEmbedding;

/// <summary>What the CRM shows after a change: the funnel and the channel table (effectiveness summary: spend, cost per
/// lead, cost per customer, revenue, ROAS), computed by LeadAnalytics from the rows just read from the database
/// (rows -> LeadBuilder -> Lead -> LeadTable, cost rows -> CostEntry; no CSV, no export).</summary>
internal sealed class CrmAnalytics
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(30);

    private CrmAnalytics(LeadTable table, FunnelResult funnel, EffectivenessResult channels, IReadOnlyList<string> stale)
    {
        Table = table;
        Funnel = funnel;
        Channels = channels;
        StaleLeadIds = stale;
    }

    public LeadTable Table { get; }

    public FunnelResult Funnel { get; }

    public EffectivenessResult Channels { get; }

    public IReadOnlyList<string> StaleLeadIds { get; }

    /// <summary>Reads the CRM's tables and runs the engines as of the CRM's clock (the library never reads the clock itself).</summary>
    public static CrmAnalytics Run(CrmDatabase db, DateTimeOffset now)
    {
        var table = LeadTable.Build(db.LoadLeads());
        var funnel = FunnelAnalyzer.Analyze(table, now, new FunnelOptions { Scope = new AnalysisScope { StaleAfter = StaleAfter } });
        var channels = EffectivenessAnalyzer.Analyze(table, now, new EffectivenessOptions
        {
            Scope = new AnalysisScope { Breakdown = new[] { Dimension.Channel }, StaleAfter = StaleAfter },
            Costs = db.LoadCosts(),
            RankBy = LeadAnalytics.Metrics.MetricIds.Roas,
        });
        var stale = new List<string>();
        for (var row = 0; row < table.Count; row++)
        {
            if (table.IsStale(row, now, StaleAfter))
            {
                stale.Add(table.GetId(row));
            }
        }

        stale.Sort(StringComparer.Ordinal);
        return new CrmAnalytics(table, funnel, channels, stale);
    }

    public static AttributionComparison Attribution(CrmDatabase db, DateTimeOffset now) =>
        AttributionAnalyzer.Compare(
            AttributionJourneys.FromLeads(db.LoadLeads(), db.LoadTouchpoints()),
            new[] { AttributionModel.FirstTouch, AttributionModel.LastNonDirect, AttributionModel.Linear },
            new AttributionOptions { AsOf = now, DirectChannels = new[] { "直接访问" } });

    public void Print(string title)
    {
        CrmEmbedding.Print.Heading(title);
        Console.WriteLine($"  {Funnel.Leads} leads, {Funnel.Won} won; conversion {CrmEmbedding.Print.Rate(Funnel.OverallConversion)}, " +
                          $"resolved {CrmEmbedding.Print.Rate(Funnel.ResolvedOverallConversion)}; stale: {(StaleLeadIds.Count == 0 ? "none" : string.Join(", ", StaleLeadIds))}");
        CrmEmbedding.Print.Table(
            new[] { "step", "entered", "advanced", "lost", "stale", "open", "drop-off (resolved)" },
            Funnel.Steps.Select(s => (IReadOnlyList<string>)new[]
            {
                $"{s.From.Name} -> {s.To.Name}" + (Funnel.Bottleneck?.Step.Index == s.Index ? "  <- bottleneck" : string.Empty),
                CrmEmbedding.Print.Count(s.Entered), CrmEmbedding.Print.Count(s.Advanced), CrmEmbedding.Print.Count(s.Lost),
                CrmEmbedding.Print.Count(s.Stale), CrmEmbedding.Print.Count(s.Open), CrmEmbedding.Print.Percent(s.Resolved.DropOff.Value),
            }));
        Console.WriteLine();
        CrmEmbedding.Print.Table(
            new[] { "channel (by ROAS)", "leads", "won", "conversion [95% CI]", "spend", "cost per lead", "cost per customer", "revenue", "ROAS" },
            Channels.Segments.Append(Channels.Total).Select(s => (IReadOnlyList<string>)new[]
            {
                ReferenceEquals(s, Channels.Total) ? "all" : s.Label, CrmEmbedding.Print.Count(s.Leads), CrmEmbedding.Print.Count(s.Won),
                CrmEmbedding.Print.Rate(s.ConversionRate), CrmEmbedding.Print.Money(s.Spend), CrmEmbedding.Print.Money(s.CostPerLead),
                CrmEmbedding.Print.Money(s.CostPerAcquisition), CrmEmbedding.Print.Money(s.Revenue), EffectivenessFormat.RoasRatio(s.Roas),
            }));
    }

    public SegmentSummary Channel(string channel) =>
        Channels.Segments.SingleOrDefault(s => s.Label == channel) ?? throw new InvalidOperationException($"no channel {channel}");
}
