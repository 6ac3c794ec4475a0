using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>How many leads reached a stage (or any later one, unless <see cref="FunnelOptions.RequireRecordedStages"/>).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FunnelStageReach
{
    internal FunnelStageReach(int index, Stage stage, long reach, Rate shareOfLeads)
    {
        Index = index;
        Stage = stage;
        Reach = reach;
        ShareOfLeads = shareOfLeads;
    }

    /// <summary>The stage's position in the pipeline.</summary>
    public int Index { get; }

    /// <summary>The stage.</summary>
    public Stage Stage { get; }

    /// <summary>Leads that reached the stage.</summary>
    public long Reach { get; }

    /// <summary>Reach / leads acquired (reach of the first stage), with its interval.</summary>
    public Rate ShareOfLeads { get; }

    /// <summary>Describes the reach.</summary>
    /// <returns>Stage and reach.</returns>
    public override string ToString() => $"{Stage.Name}: {Reach} ({ShareOfLeads})";
}
