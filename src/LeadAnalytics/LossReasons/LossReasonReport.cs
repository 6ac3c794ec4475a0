using LeadAnalytics.Statistics;

namespace LeadAnalytics.LossReasons;

/// <summary>One line of a Pareto table: a reason, how many lost leads gave it, its share and the running share.</summary>
/// <param name="Reason">The normalised reason; <see cref="DimensionKeys.Missing"/> for lost leads without one.</param>
/// <param name="Count">Lost leads giving it.</param>
/// <param name="Share">Count / all lost leads of the table (the reasonless included), so shares sum to 1.</param>
/// <param name="CumulativeShare">The running sum of <paramref name="Share"/> in table order.</param>
/// <param name="LostRevenue">Estimated revenue lost (see <see cref="LossReasonOptions.ExpectedDealSize"/>); null when
/// not estimated or when no lost lead of this reason has an expected deal size.</param>
public sealed record LossReasonRow(string Reason, long Count, double Share, double CumulativeShare, decimal? LostRevenue);

/// <summary>A Pareto table of one segment: a stage, or a value of a dimension.</summary>
/// <param name="Segment">The stage name or the dimension value (<see cref="DimensionKeys.Missing"/> when missing).</param>
/// <param name="LostLeads">Lost leads in the segment.</param>
/// <param name="Rows">Reasons by count descending (ties by reason, ordinally); the reasonless row, if any, last.</param>
public sealed record LossReasonTable(string Segment, long LostLeads, IReadOnlyList<LossReasonRow> Rows);

/// <summary>The reason tables of one breakdown dimension, and whether the reason mix differs between its values.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Segments">One table per value, by value ordinally.</param>
/// <param name="MixTest">Chi-square test of independence of reason and segment (reasonless leads excluded).</param>
public sealed record LossReasonBreakdown(Dimension Dimension, IReadOnlyList<LossReasonTable> Segments, HypothesisTestResult MixTest);

/// <summary>A finding: one reason dominates the losses of a stage or segment.</summary>
/// <param name="Scope">"stage" or the dimension's name (for example "Channel").</param>
/// <param name="Segment">The stage or value.</param>
/// <param name="Reason">The dominant reason.</param>
/// <param name="Count">Lost leads of the segment giving it.</param>
/// <param name="LostLeads">Lost leads of the segment.</param>
/// <param name="Share">Its share, with a Wilson interval.</param>
public sealed record LossReasonDominance(string Scope, string Segment, string Reason, long Count, long LostLeads, Rate Share);

/// <summary>Why leads are lost: Pareto tables overall, by the stage they were lost at and by dimension.</summary>
/// <param name="AsOf">The as-of instant.</param>
/// <param name="LostLeads">Leads lost as of <paramref name="AsOf"/> (in the acquisition window).</param>
/// <param name="WithoutReason">Of those, leads with no loss reason: counted, never dropped.</param>
/// <param name="Overall">The overall Pareto table.</param>
/// <param name="ByStage">One table per pipeline stage a lead was lost at, in pipeline order (stages with losses only).</param>
/// <param name="Breakdowns">One breakdown per requested dimension.</param>
/// <param name="Dominant">Segments where one reason dominates.</param>
public sealed record LossReasonReport(
    DateTimeOffset AsOf,
    long LostLeads,
    long WithoutReason,
    LossReasonTable Overall,
    IReadOnlyList<LossReasonTable> ByStage,
    IReadOnlyList<LossReasonBreakdown> Breakdowns,
    IReadOnlyList<LossReasonDominance> Dominant);
