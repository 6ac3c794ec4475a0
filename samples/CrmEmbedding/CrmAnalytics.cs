using LeadAnalytics;
using LeadAnalytics.Attribution;
using LeadAnalytics.Data;
using LeadAnalytics.Funnel;

namespace CrmEmbedding;

/// <summary>What the CRM shows after a change: the funnel and the channel table, computed by LeadAnalytics from the
/// rows just read from the database (rows -> LeadBuilder -> Lead -> LeadTable; no CSV, no export).</summary>
internal sealed class CrmAnalytics
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(30);

    private CrmAnalytics(LeadTable table, FunnelResult funnel, FunnelBreakdown channels, IReadOnlyList<string> stale, IReadOnlyDictionary<string, decimal> spend)
    {
        Table = table;
        Funnel = funnel;
        Channels = channels;
        StaleLeadIds = stale;
        SpendByChannel = spend;
    }

    public LeadTable Table { get; }

    public FunnelResult Funnel { get; }

    public FunnelBreakdown Channels { get; }

    public IReadOnlyList<string> StaleLeadIds { get; }

    public IReadOnlyDictionary<string, decimal> SpendByChannel { get; }

    /// <summary>Reads the CRM's tables and runs the engines as of the CRM's clock (the library never reads the clock itself).</summary>
    public static CrmAnalytics Run(CrmDatabase db, DateTimeOffset now)
    {
        var table = LeadTable.Build(db.LoadLeads());
        var funnel = FunnelAnalyzer.Analyze(table, now, new FunnelOptions { StaleAfter = StaleAfter });
        var channels = FunnelAnalyzer.AnalyzeBy(table, now, Dimension.Channel, new FunnelOptions { StaleAfter = StaleAfter });
        var stale = new List<string>();
        for (var row = 0; row < table.Count; row++)
        {
            if (table.IsStale(row, now, StaleAfter))
            {
                stale.Add(table.GetId(row));
            }
        }

        stale.Sort(StringComparer.Ordinal);
        // Spend is what the costs table holds per channel; the metrics built on it (cost per lead, per customer, ROAS)
        // come from the library's effectiveness summary, not from the CRM.
        var spend = db.LoadCosts().GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Amount.Amount), StringComparer.Ordinal);
        return new CrmAnalytics(table, funnel, channels, stale, spend);
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
            new[] { "channel", "leads", "won", "conversion [95% CI]", "spend (costs table)" },
            Channels.Segments.Select(s => (IReadOnlyList<string>)new[]
            {
                s.Label, CrmEmbedding.Print.Count(s.Funnel.Leads), CrmEmbedding.Print.Count(s.Funnel.Won), CrmEmbedding.Print.Rate(s.Funnel.OverallConversion),
                CrmEmbedding.Print.Money(SpendByChannel.TryGetValue(s.Label, out var spend) ? spend : null),
            }));
    }

    public FunnelResult Channel(string channel) =>
        Channels.Find(channel)?.Funnel ?? throw new InvalidOperationException($"no channel {channel}");
}
