namespace LeadAnalytics.CycleTime;

/// <summary>What a <see cref="DurationSummary"/> measures.</summary>
public enum DurationKind
{
    /// <summary>From entering one recorded stage to entering the next recorded stage of the same lead.</summary>
    StageTransition = 0,

    /// <summary>From acquisition to won, over won leads (the template's cycle days for won leads).</summary>
    AcquisitionToWon = 1,

    /// <summary>From acquisition to lost, over lost leads (the template's cycle days for lost leads).</summary>
    AcquisitionToLost = 2,
}
