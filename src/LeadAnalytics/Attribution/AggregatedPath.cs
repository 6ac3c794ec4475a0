using System.Globalization;

namespace LeadAnalytics.Attribution;

/// <summary>
/// A journey shape counted in a warehouse: the ordered steps (channels, strategies or contents), how many journeys with
/// that shape converted, their total conversion value, and how many did not convert (the format ChannelAttribution reads).
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Counts are <see cref="double"/> because warehouses may weight journeys; they must be finite
/// and non-negative. Steps are compared ordinally (<see cref="DimensionKeys.Comparer"/>) and kept as given, repeats included.</para>
/// <para>Aggregated paths carry no touch times or CRM milestones, so the time-decay and milestone models are not defined on them.</para>
/// </remarks>
public sealed class AggregatedPath
{
    /// <summary>The default step separator of the path syntax, as in <c>"seo &gt; email &gt; direct"</c>.</summary>
    public const char DefaultSeparator = '>';

    private readonly string[] _steps;

    /// <summary>Creates an aggregated path.</summary>
    /// <param name="steps">The ordered steps; at least one, none blank. Surrounding white space is removed.</param>
    /// <param name="conversions">Converting journeys with this path.</param>
    /// <param name="value">Their total conversion value, in the currency of the journeys it is analysed with.</param>
    /// <param name="nulls">Journeys with this path that did not convert.</param>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no steps, a step is blank, or there is value without conversions.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or the value is negative, or a count is not finite.</exception>
    public AggregatedPath(IEnumerable<string> steps, double conversions, decimal value = 0m, double nulls = 0)
    {
        Preconditions.CheckNotNull(steps);

        var list = new List<string>();
        foreach (var step in steps)
        {
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(step), nameof(steps), "A path step must not be empty or white space.");

            list.Add(step.Trim());
        }

        Preconditions.CheckArgument(list.Count != 0, nameof(steps), "A path has at least one step.");

        CheckCount(conversions, nameof(conversions));
        CheckCount(nulls, nameof(nulls));
        Preconditions.CheckRange(value >= 0m, value, "The conversion value must not be negative.");

        Preconditions.CheckArgument(value == 0m || conversions != 0, nameof(value), "A path without conversions cannot carry conversion value.");

        _steps = list.ToArray();
        Conversions = conversions;
        Value = value;
        Nulls = nulls;
    }

    // A path of an attribution partition: valid by construction (whole counts of lead journeys), with each step's direct flag
    // when the steps are not channels (the flag is the touch's channel's, which the step's key does not tell).
    internal AggregatedPath(string[] steps, bool[]? stepDirect, long conversions, decimal value, long nulls)
    {
        _steps = steps;
        StepDirect = stepDirect;
        Conversions = conversions;
        Value = value;
        Nulls = nulls;
    }

    /// <summary>The ordered steps, repeats included.</summary>
    public IReadOnlyList<string> Steps => _steps;

    /// <summary>Converting journeys with this path.</summary>
    public double Conversions { get; }

    /// <summary>Total conversion value of those journeys.</summary>
    public decimal Value { get; }

    /// <summary>Journeys with this path that did not convert.</summary>
    public double Nulls { get; }

    internal string[] StepArray => _steps;

    // Whether each step is direct, for the paths of a partition keyed by other than channels; null: a step is direct when its
    // key is one of AttributionOptions.DirectChannels.
    internal bool[]? StepDirect { get; }

    /// <summary>Parses the path syntax <c>"a &gt; b &gt; c"</c> into a path with counts.</summary>
    /// <param name="path">The steps separated by <paramref name="separator"/>; white space around steps is ignored.</param>
    /// <param name="conversions">Converting journeys.</param>
    /// <param name="value">Their total conversion value.</param>
    /// <param name="nulls">Non-converting journeys.</param>
    /// <param name="separator">The step separator, <c>&gt;</c> by default.</param>
    /// <returns>The path.</returns>
    /// <exception cref="FormatException">The path is empty or has an empty step (as in <c>"a &gt; &gt; b"</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or the value is negative, or a count is not finite.</exception>
    /// <exception cref="ArgumentException">There is value without conversions.</exception>
    public static AggregatedPath Parse(string path, double conversions, decimal value = 0m, double nulls = 0, char separator = DefaultSeparator) =>
        new(ParseSteps(path, separator), conversions, value, nulls);

    /// <summary>Splits the path syntax <c>"a &gt; b &gt; c"</c> into its steps.</summary>
    /// <param name="path">The path text.</param>
    /// <param name="separator">The step separator, <c>&gt;</c> by default.</param>
    /// <returns>The trimmed steps, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FormatException">The path is empty or has an empty step.</exception>
    public static IReadOnlyList<string> ParseSteps(string path, char separator = DefaultSeparator)
    {
        Preconditions.CheckNotNull(path);

        var parts = path.Split(separator);
        var steps = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var step = parts[i].Trim();
            if (step.Length == 0)
            {
                throw new FormatException(string.Format(CultureInfo.InvariantCulture, "Step {0} of the path '{1}' is empty.", i + 1, path));
            }

            steps[i] = step;
        }

        return steps;
    }

    /// <summary>Writes the path syntax: the steps joined by <c>" &gt; "</c>.</summary>
    /// <returns>For example <c>seo &gt; email</c>.</returns>
    public override string ToString() => string.Join(" > ", _steps);

    private static void CheckCount(double count, string name)
    {
        if (double.IsNaN(count) || double.IsInfinity(count) || count < 0)
        {
            throw new ArgumentOutOfRangeException(name, count, $"{name} must be a finite, non-negative number.");
        }
    }
}
