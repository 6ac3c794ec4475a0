namespace LeadAnalytics.Effectiveness;

/// <summary>Where a report's spend comes from.</summary>
public enum CostSource
{
    /// <summary>The costs table when one with at least one entry is given, else the leads' own acquisition costs.</summary>
    Auto = 0,

    /// <summary>The costs table only (per-lead acquisition costs are ignored); no table means no spend.</summary>
    CostTable = 1,

    /// <summary>The leads' own acquisition costs (the template's field 18) only; a costs table is ignored.</summary>
    PerLeadCosts = 2,
}
