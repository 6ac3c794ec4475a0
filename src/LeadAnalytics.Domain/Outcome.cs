namespace LeadAnalytics;

/// <summary>Where a lead ended up, derived from its won and lost timestamps.</summary>
public enum Outcome
{
    /// <summary>Neither won nor lost (as of the instant asked about).</summary>
    Open = 0,

    /// <summary>Won: contract signed or deposit paid (成交).</summary>
    Won = 1,

    /// <summary>Lost: the customer declined or could not be reached (流失).</summary>
    Lost = 2,
}
