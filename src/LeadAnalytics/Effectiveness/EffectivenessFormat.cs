using System.Globalization;

namespace LeadAnalytics.Effectiveness;

/// <summary>Display formats of effectiveness metrics.</summary>
public static class EffectivenessFormat
{
    /// <summary>Formats ROAS the way the template writes its "ROI" column: <c>1:x</c>, spend to revenue.</summary>
    /// <param name="roas">Revenue / spend, or <see langword="null"/>.</param>
    /// <param name="decimals">Decimals of x, 0 to 6; 1 by default (<c>1:2.1</c>).</param>
    /// <returns><c>1:x</c> with x rounded half away from zero, or <c>n/a</c> when undefined.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0 to 6.</exception>
    public static string RoasRatio(decimal? roas, int decimals = 1)
    {
        if (decimals is < 0 or > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Use 0 to 6 decimals.");
        }

        return roas is { } r
            ? "1:" + Math.Round(r, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : "n/a";
    }
}
