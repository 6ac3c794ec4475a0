namespace LeadAnalytics.Statistics;

/// <summary>Which test compares two proportions (a 2 x 2 table of successes and failures).</summary>
public enum ProportionTestMethod
{
    /// <summary>Fisher's exact test when any expected count of the 2 x 2 table is below 5 (Cochran's rule), else the
    /// two-proportion z test.</summary>
    Auto = 0,

    /// <summary>Two-proportion z test with pooled variance (<see cref="ProportionTests.TwoProportionZ"/>).</summary>
    TwoProportionZ = 1,

    /// <summary>Chi-square with Yates' continuity correction (<see cref="ProportionTests.ChiSquareIndependence"/>; R
    /// <c>prop.test</c>'s default).</summary>
    ChiSquareYates = 2,

    /// <summary>Fisher's exact test (<see cref="ProportionTests.FisherExact"/>).</summary>
    FisherExact = 3,
}
