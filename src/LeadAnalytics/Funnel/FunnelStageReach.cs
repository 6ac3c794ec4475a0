using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>How many leads reached a stage (or any later one, unless <see cref="FunnelOptions.RequireRecordedStages"/>).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FunnelStageReach
{
    internal FunnelStageReach(int index, Stage stage, long reach, Rate shareOfLeads, bool isRecorded = true)
    {
        IsRecorded = isRecorded;
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

    /// <summary>Whether the data records this stage: at least one lead has a timestamp for it. The first and last stages
    /// always count as recorded. An unrecorded stage's <see cref="Reach"/> is only inferred (every lead that reached a later
    /// stage), so apps show it as "not recorded", not as a number (docs/funnel.md, "Stages the data does not record").</summary>
    public bool IsRecorded { get; }

    /// <summary>Reach / leads acquired (reach of the first stage), with its interval.</summary>
    public Rate ShareOfLeads { get; }

    /// <summary>Describes the reach.</summary>
    /// <returns>Stage and reach.</returns>
    public override string ToString() => $"{Stage.Name}: {Reach} ({ShareOfLeads})";
}
