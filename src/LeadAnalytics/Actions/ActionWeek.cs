namespace LeadAnalytics.Actions;

/// <summary>One week of an action's series: the metric on the leads acquired that week, and on every lead acquired from
/// the start to the week's end.</summary>
/// <remarks>Weeks run from the action's start in steps of seven days; the last may be cut short by the as-of instant.
/// Immutable and thread-safe.</remarks>
public sealed class ActionWeek
{
    internal ActionWeek(int index, DateTimeOffset start, DateTimeOffset end, MetricMeasurement week, MetricMeasurement sinceStart)
    {
        Index = index;
        Start = start;
        End = end;
        Week = week;
        SinceStart = sinceStart;
    }

    /// <summary>The week's number: 0 for the week that begins at the action's start.</summary>
    public int Index { get; }

    /// <summary>Start of the week (inclusive).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>End of the week (exclusive).</summary>
    public DateTimeOffset End { get; }

    /// <summary>The metric on the leads acquired in the week.</summary>
    public MetricMeasurement Week { get; }

    /// <summary>The metric on the leads acquired from the action's start to the week's end.</summary>
    public MetricMeasurement SinceStart { get; }

    /// <summary>Describes the week.</summary>
    /// <returns>Index, start and the week's value.</returns>
    public override string ToString() => $"week {Index} from {Start:yyyy-MM-dd}: {Week}";
}
