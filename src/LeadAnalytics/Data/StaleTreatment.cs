namespace LeadAnalytics.Data;

/// <summary>How stale ("presumed lost") leads count in the resolved-leads view of a funnel step.</summary>
public enum StaleTreatment
{
    /// <summary>Stale leads are resolved drop-offs, as the template's rule has it (30 days without follow-up is lost).
    /// The default.</summary>
    AsLost = 0,

    /// <summary>Stale leads are still open: left out of the resolved view, like any open lead.</summary>
    AsOpen = 1,
}
