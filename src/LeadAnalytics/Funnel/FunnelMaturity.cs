namespace LeadAnalytics.Funnel;

/// <summary>
/// How far a funnel's leads (a cohort, a segment or the total) have come through the conversion window W, and the
/// conversion they are projected to reach by W: the Aalen-Johansen cumulative incidence of won at W, won and lost competing
/// from acquisition, open (and stale) leads censored at as-of. Where the cell's own follow-up ends before W, the rest of
/// the time profile is borrowed from the funnel's pooled leads (docs/funnel.md, "Maturity and projected conversion").
/// </summary>
/// <remarks>A young cohort's conversion by as-of is low because its leads have had less time, not because they convert
/// worse: compare <see cref="ProjectedConversion"/> across cohorts, not the observed conversion. Immutable and thread-safe.</remarks>
public sealed class FunnelMaturity
{
    internal FunnelMaturity(
        TimeSpan window, long leads, long matureLeads, long wonWithinWindow, TimeSpan followUp, bool isBorrowed, double? borrowedShare,
        double? projectedConversion, double? projectedStandardError, double? projectedLower, double? projectedUpper)
    {
        Window = window;
        Leads = leads;
        MatureLeads = matureLeads;
        Maturity = leads == 0 ? null : (double)matureLeads / leads;
        WonWithinWindow = wonWithinWindow;
        FollowUp = followUp;
        IsBorrowed = isBorrowed;
        BorrowedShare = borrowedShare;
        ProjectedConversion = projectedConversion;
        ProjectedStandardError = projectedStandardError;
        ProjectedLower = projectedLower;
        ProjectedUpper = projectedUpper;
    }

    /// <summary>The conversion window W the projection is made at.</summary>
    public TimeSpan Window { get; }

    /// <summary>The leads of the cell.</summary>
    public long Leads { get; }

    /// <summary>Leads acquired at least <see cref="Window"/> before as-of: their outcome at W is known.</summary>
    public long MatureLeads { get; }

    /// <summary><see cref="MatureLeads"/> / <see cref="Leads"/>: 1 for a mature cell; undefined without leads.</summary>
    public double? Maturity { get; }

    /// <summary>Whether every lead of the cell is mature (then the projection is the share won within W, observed).</summary>
    public bool IsMature => Leads > 0 && MatureLeads == Leads;

    /// <summary>Leads won within <see cref="Window"/> of acquisition, by as-of.</summary>
    public long WonWithinWindow { get; }

    /// <summary>The cell's longest observed time from acquisition (to an outcome or to as-of), at most <see cref="Window"/>:
    /// how far its own curve reaches.</summary>
    public TimeSpan FollowUp { get; }

    /// <summary>Whether the cell's follow-up ends before W, so the profile from <see cref="FollowUp"/> to W is borrowed from
    /// the pooled leads.</summary>
    public bool IsBorrowed { get; }

    /// <summary>The part of <see cref="ProjectedConversion"/> that is borrowed, S_cell(t) × P_ref(won in (t, W] | open at t);
    /// 0 when nothing is borrowed, undefined when the projection is.</summary>
    public double? BorrowedShare { get; }

    /// <summary>The projected conversion at W; undefined without leads, or when no pooled lead was followed past the cell's
    /// follow-up (nothing to borrow from).</summary>
    public double? ProjectedConversion { get; }

    /// <summary>The standard error of <see cref="ProjectedConversion"/>: Aalen-Johansen's infinitesimal jackknife for the
    /// observed part and, when borrowed, the delta method with the borrowed conditional probability's own error.</summary>
    public double? ProjectedStandardError { get; }

    /// <summary>The lower confidence limit (the scope's confidence, log transform as R's survfit); undefined where R gives NA.</summary>
    public double? ProjectedLower { get; }

    /// <summary>The upper confidence limit.</summary>
    public double? ProjectedUpper { get; }

    /// <summary>Describes the maturity.</summary>
    /// <returns>Maturity and projection.</returns>
    public override string ToString() =>
        $"maturity {Maturity:0.###} at {Window.TotalDays:0.##} d, projected conversion {ProjectedConversion:0.####}{(IsBorrowed ? " (borrowed profile)" : string.Empty)}";
}
