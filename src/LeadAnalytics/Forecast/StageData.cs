namespace LeadAnalytics.Forecast;

/// <summary>The leads that entered one stage by as-of, landmarked at their entry: days from entry to won (cause 1), lost
/// (cause 2) or as-of (0, censored), sorted by time; the lead (its index in the population, for the bootstrap), its
/// segment code and its class for the stage-weighted baseline (1 won, 2 lost or stale, 0 open).</summary>
internal sealed class StageData
{
    internal StageData(double[] times, int[] causes, int[] members, int[] segments, byte[] baselineClasses)
    {
        Times = times;
        Causes = causes;
        Members = members;
        Segments = segments;
        BaselineClasses = baselineClasses;
    }

    internal double[] Times { get; }

    internal int[] Causes { get; }

    internal int[] Members { get; }

    internal int[] Segments { get; }

    internal byte[] BaselineClasses { get; }

    /// <summary>The baseline win rate won / (won + lost + stale) with each lead counted as often as drawn; null when no lead closed.</summary>
    internal double? BaselineRate(int[]? draws)
    {
        long won = 0, closed = 0;
        for (var j = 0; j < Members.Length; j++)
        {
            var c = BaselineClasses[j];
            if (c == 0)
            {
                continue;
            }

            var m = draws is null ? 1 : draws[Members[j]];
            closed += m;
            if (c == 1)
            {
                won += m;
            }
        }

        return closed == 0 ? null : won / (double)closed;
    }
}
