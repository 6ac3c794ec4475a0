namespace LeadAnalytics.Data;

/// <summary>What a lead is as of an instant: four disjoint classes, decided by one rule for every engine
/// (docs/metrics.md, "Outcomes as of an instant").</summary>
public enum LeadState
{
    /// <summary>Neither won nor lost, with activity within the stale threshold.</summary>
    Open = 0,

    /// <summary>Won by the instant.</summary>
    Won = 1,

    /// <summary>Lost (recorded) by the instant.</summary>
    Lost = 2,

    /// <summary>Neither won nor lost, and the latest activity is at least the stale threshold before the instant: "presumed
    /// lost". Counted as lost or as open according to <see cref="StaleTreatment"/>, and always reported on its own.</summary>
    Stale = 3,
}
