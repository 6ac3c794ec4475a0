namespace LeadAnalytics.Effectiveness;

/// <summary>Display formats of effectiveness metrics.</summary>
public static class EffectivenessFormat
{
    /// <summary>Formats ROAS the way the template writes its "ROI" column: <c>1:x</c>, spend to revenue. The same as
    /// <see cref="Metrics.MetricFormatter.RoasRatio"/> (docs/formatting.md).</summary>
    /// <param name="roas">Revenue / spend, or <see langword="null"/>.</param>
    /// <param name="decimals">Decimals of x, 0 to 6; 1 by default (<c>1:2.1</c>).</param>
    /// <returns><c>1:x</c> with x rounded half away from zero, or <c>–</c> when undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0 to 6.</exception>
    public static string RoasRatio(decimal? roas, int decimals = 1) => Metrics.MetricFormatter.English.RoasRatio(roas, decimals);
}
