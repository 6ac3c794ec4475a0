using LeadAnalytics.Data;
namespace LeadAnalytics.Funnel;

/// <summary>
/// One step of the funnel, from stage k to stage k + 1: the leads that entered it (reached k), split by what became of
/// them: <see cref="Advanced"/> + <see cref="Lost"/> + <see cref="Stale"/> + <see cref="Open"/> + <see cref="Expired"/>
/// + <see cref="Unrecorded"/> = <see cref="Entered"/>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FunnelStep
{
    internal FunnelStep(
        int index, Stage from, Stage to, long entered, long advanced, long lost, long stale, long open, long expired, long unrecorded,
        FunnelView allLeads, FunnelView resolved, StepDuration? duration, StepTargetComparison? target, bool isRecorded = true)
    {
        IsRecorded = isRecorded;
        Index = index;
        From = from;
        To = to;
        Entered = entered;
        Advanced = advanced;
        Lost = lost;
        Stale = stale;
        Open = open;
        Expired = expired;
        Unrecorded = unrecorded;
        AllLeads = allLeads;
        Resolved = resolved;
        Duration = duration;
        Target = target;
    }

    /// <summary>The step's position: step k leaves stage k.</summary>
    public int Index { get; }

    /// <summary>Whether both of the step's stages are recorded in the data (<see cref="FunnelStageReach.IsRecorded"/>).
    /// A step into or out of a stage no lead has a timestamp for measures nothing: its counts are inferred, it is never
    /// the <see cref="FunnelResult.Bottleneck"/>, and apps show it as "not recorded".</summary>
    public bool IsRecorded { get; }

    /// <summary>The stage the step leaves.</summary>
    public Stage From { get; }

    /// <summary>The stage the step enters.</summary>
    public Stage To { get; }

    /// <summary>Leads that reached <see cref="From"/>: its reach.</summary>
    public long Entered { get; }

    /// <summary>Leads that reached <see cref="To"/> (or later).</summary>
    public long Advanced { get; }

    /// <summary>Leads lost while at <see cref="From"/> (lost by the cut-off).</summary>
    public long Lost { get; }

    /// <summary>Open leads at <see cref="From"/> with no activity for <see cref="AnalysisScope.StaleAfter"/> or more:
    /// presumed lost.</summary>
    public long Stale { get; }

    /// <summary>Open leads at <see cref="From"/> that are not stale: still in play, not drop-offs.</summary>
    public long Open { get; }

    /// <summary>With a <see cref="FunnelOptions.ConversionWindow"/>: leads whose window closed before as-of while at
    /// <see cref="From"/>, not lost within it. They can no longer advance in the window, so they are drop-offs. Zero without a window.</summary>
    public long Expired { get; }

    /// <summary>With <see cref="FunnelOptions.RequireRecordedStages"/>: leads that have a later stage recorded but not
    /// <see cref="To"/>. Neither advanced nor dropped off in the record; left out of the resolved view. Zero otherwise.</summary>
    public long Unrecorded { get; }

    /// <summary>Every lead that entered the step: conversion = advanced / entered.</summary>
    public FunnelView AllLeads { get; }

    /// <summary>Only leads whose fate at the step is known: advanced, lost, expired, and stale when
    /// <see cref="AnalysisScope.StaleTreatment"/> is <see cref="StaleTreatment.AsLost"/>.</summary>
    public FunnelView Resolved { get; }

    /// <summary>The time the step takes, or <see langword="null"/> when <see cref="FunnelOptions.IncludeStepDurations"/> is off.</summary>
    public StepDuration? Duration { get; }

    /// <summary>The comparison with this step's target, or <see langword="null"/> when it has none.</summary>
    public StepTargetComparison? Target { get; }

    /// <summary>Describes the step.</summary>
    /// <returns>Stages, counts and the resolved drop-off.</returns>
    public override string ToString() =>
        $"{From.Name} -> {To.Name}: entered {Entered}, advanced {Advanced}, lost {Lost}, stale {Stale}, open {Open}, resolved drop-off {Resolved.DropOff}";
}
