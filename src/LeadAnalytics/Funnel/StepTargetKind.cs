namespace LeadAnalytics.Funnel;

/// <summary>What a <see cref="StepTarget"/> bounds.</summary>
public enum StepTargetKind
{
    /// <summary>A ceiling on the step's resolved drop-off: met when the drop-off is at or below the target.</summary>
    DropOff = 0,

    /// <summary>A floor on the step's resolved conversion: met when the conversion is at or above the target.</summary>
    Conversion = 1,
}
