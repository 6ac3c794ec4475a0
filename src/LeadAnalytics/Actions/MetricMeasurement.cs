using LeadAnalytics.Statistics;

namespace LeadAnalytics.Actions;

/// <summary>
/// A tracked metric measured on the leads of a segment acquired in a window: the value in the metric's unit, the leads it
/// rests on and, for proportions, the rate with its interval.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MetricMeasurement
{
    internal MetricMeasurement(
        DateTimeOffset windowStart, DateTimeOffset windowEnd, DateTimeOffset measuredUntil, int acquiredLeads, int leads, double? value, Rate? rate, bool isComplete)
    {
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        MeasuredUntil = measuredUntil;
        AcquiredLeads = acquiredLeads;
        Leads = leads;
        Value = value;
        Rate = rate;
        IsComplete = isComplete;
    }

    /// <summary>Start of the acquisition window (inclusive).</summary>
    public DateTimeOffset WindowStart { get; }

    /// <summary>End of the acquisition window (exclusive).</summary>
    public DateTimeOffset WindowEnd { get; }

    /// <summary>The end of the acquisitions actually measured: <see cref="WindowEnd"/>, or earlier when the as-of instant (less
    /// the outcome window, for outcome metrics) cuts the window short.</summary>
    public DateTimeOffset MeasuredUntil { get; }

    /// <summary>Leads of the segment acquired in the window by the as-of instant, measured or not.</summary>
    public int AcquiredLeads { get; }

    /// <summary>The sample the value rests on: leads measured (for step metrics, those that entered the step).</summary>
    public int Leads { get; }

    /// <summary>The value in the metric's unit (proportions as fractions), or <see langword="null"/> when undefined (no leads,
    /// a zero denominator).</summary>
    public double? Value { get; }

    /// <summary>For proportions, the rate with its numerator, denominator and interval; otherwise <see langword="null"/>.</summary>
    public Rate? Rate { get; }

    /// <summary>For cost metrics, the spend of the measured leads in the report currency (<see langword="null"/> when none of them
    /// has any cost); otherwise <see langword="null"/>.</summary>
    public decimal? Spend { get; internal init; }

    /// <summary>For cost per acquisition and ROAS, the deal amounts of the leads won within the outcome window; otherwise
    /// <see langword="null"/>.</summary>
    public decimal? Revenue { get; internal init; }

    /// <summary>For cost per acquisition and ROAS, the measured leads won within the outcome window; otherwise <see langword="null"/>.</summary>
    public int? Won { get; internal init; }

    /// <summary>Whether the whole window was measured: nothing acquired in it is still inside its outcome window, and the
    /// window ended by the as-of instant.</summary>
    public bool IsComplete { get; }

    /// <summary>Describes the measurement.</summary>
    /// <returns>Value, leads and window.</returns>
    public override string ToString() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} on {1} leads, acquired [{2:yyyy-MM-dd}, {3:yyyy-MM-dd})", Rate?.ToString() ?? (Value is { } v ? v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : "undefined"), Leads, WindowStart, MeasuredUntil);
}
