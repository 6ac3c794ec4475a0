using LeadAnalytics.CycleTime;
using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Actions;

/// <summary>
/// The before/after test of a duration metric: the cycle-time engine's log-rank test (R's <c>survdiff</c>) of the two cohorts'
/// times, so open leads count as censored rather than being dropped. Cycle: acquisition to won or lost, censored at as-of.
/// Speed to lead: acquisition to the recorded first contact, censored at a loss without contact or at as-of; a lead with a later
/// stage but no recorded contact time is left out (its contact time is unknown). Negative times are left out.
/// </summary>
internal static class DurationEvidence
{
    private const double SecondsPerDay = 86_400.0;

    internal static HypothesisTestResult Compare(LeadTable table, SegmentRows rows, (int Lo, int Hi) before, (int Lo, int Hi) after, int asOfSeconds, ActionMetric metric)
    {
        var durations = new List<double>();
        var events = new List<bool>();
        var groups = new List<int>();
        Add(table, rows, before, asOfSeconds, metric, 0, durations, events, groups);
        Add(table, rows, after, asOfSeconds, metric, 1, durations, events, groups);
        var result = LogRankTest.Compute(durations, events, groups);
        return new HypothesisTestResult("log-rank", result.ChiSquare, result.DegreesOfFreedom, result.PValue);
    }

    private static void Add(LeadTable table, SegmentRows rows, (int Lo, int Hi) range, int asOf, ActionMetric metric, int group, List<double> durations, List<bool> events, List<int> groups)
    {
        var won = table.StageSeconds[table.StageSeconds.Length - 1];
        var contacted = table.StageSeconds.Length > 2 ? table.StageSeconds[1] : won;
        for (var i = range.Lo; i < range.Hi; i++)
        {
            var row = rows.Rows[i];
            long start = rows.Acquired[i];
            long end;
            bool happened;
            if (metric == ActionMetric.SpeedToLead)
            {
                var c = contacted[row];
                if (c != LeadTable.MissingTime && c <= asOf)
                {
                    (end, happened) = (c, true);
                }
                else if (table.FurthestStageAt(row, asOf) >= 1)
                {
                    continue; // reached a later stage with no contact time: unknown, not censored
                }
                else
                {
                    var lost = table.LostSeconds[row];
                    (end, happened) = (lost != LeadTable.MissingTime && lost <= asOf ? lost : asOf, false);
                }
            }
            else
            {
                var outcome = table.OutcomeAt(row, asOf);
                (end, happened) = outcome switch
                {
                    Outcome.Won => (won[row], true),
                    Outcome.Lost => (table.LostSeconds[row], true),
                    _ => ((long)asOf, false),
                };
            }

            if (end < start)
            {
                continue;
            }

            durations.Add((end - start) / SecondsPerDay);
            events.Add(happened);
            groups.Add(group);
        }
    }
}
