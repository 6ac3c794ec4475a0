namespace LeadAnalytics.CycleTime;

/// <summary>The scale on which a Kaplan-Meier confidence band is built from the Greenwood variance.</summary>
/// <remarks>Each is R survival's <c>survfit(conf.type = ...)</c> of the same name; lifelines uses <see cref="LogLog"/>.</remarks>
public enum SurvivalConfidenceTransform
{
    /// <summary>Symmetric on log S: S·exp(±z·se(log S)), the upper limit capped at 1. R survival's default
    /// (<c>conf.type = "log"</c>). Undefined where S = 0.</summary>
    Log = 0,

    /// <summary>Symmetric on log(-log S): S^exp(±z·se(log S)/log S). lifelines' default and R's <c>conf.type = "log-log"</c>;
    /// stays inside (0, 1). Undefined where S = 0 or S = 1.</summary>
    LogLog = 1,

    /// <summary>Symmetric on S: S ± z·se(S), clipped to [0, 1]. R's <c>conf.type = "plain"</c>. Undefined where S = 0.</summary>
    Plain = 2,
}
