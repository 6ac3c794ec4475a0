namespace LeadAnalytics;

/// <summary>Where an action's baseline comes from.</summary>
public enum ActionBaselineKind
{
    /// <summary>A value given by hand (for example the 40% in the finding).</summary>
    Given = 0,

    /// <summary>The metric computed over a window of time before the action starts.</summary>
    Window = 1,
}

/// <summary>
/// The value a tracked metric is compared against to see whether an action moved it: either given by hand
/// (<see cref="Given"/>) or computed from the data over a window before the start (<see cref="Window"/>).
/// </summary>
/// <remarks>
/// <para>A window is half-open, [<see cref="WindowStart"/>, <see cref="WindowEnd"/>), and selects leads by acquisition instant,
/// like the window after the start. An action without a baseline gets the evaluator's default window.</para>
/// <para>Immutable and thread-safe; equality by kind, value, currency and window.</para>
/// </remarks>
public sealed class ActionBaseline : IEquatable<ActionBaseline>
{
    private ActionBaseline(ActionBaselineKind kind, decimal? value, Currency? currency, DateTimeOffset? start, DateTimeOffset? end)
    {
        Kind = kind;
        Value = value;
        Currency = currency;
        WindowStart = start;
        WindowEnd = end;
    }

    /// <summary>Where the baseline comes from.</summary>
    public ActionBaselineKind Kind { get; }

    /// <summary>The value given by hand, in the metric's unit (proportions as fractions); <see langword="null"/> for a window.</summary>
    public decimal? Value { get; }

    /// <summary>The currency of a money value given by hand, or <see langword="null"/> for the data's currency.</summary>
    public Currency? Currency { get; }

    /// <summary>Start of the window (inclusive); <see langword="null"/> for a given value.</summary>
    public DateTimeOffset? WindowStart { get; }

    /// <summary>End of the window (exclusive); <see langword="null"/> for a given value.</summary>
    public DateTimeOffset? WindowEnd { get; }

    /// <summary>A baseline given by hand.</summary>
    /// <param name="value">The value in the metric's unit (proportions as fractions: 0.40 for 40%); not negative.</param>
    /// <param name="currency">For money metrics, the currency of <paramref name="value"/>; <see langword="null"/> for the data's.</param>
    /// <returns>The baseline.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public static ActionBaseline Given(decimal value, Currency? currency = null)
    {
        Preconditions.CheckNonNegative(value, nameof(value));
        return new ActionBaseline(ActionBaselineKind.Given, value, currency, null, null);
    }

    /// <summary>A baseline computed over a window of acquisition instants.</summary>
    /// <param name="start">Start of the window, inclusive.</param>
    /// <param name="end">End of the window, exclusive; after <paramref name="start"/> and no later than the action's start.</param>
    /// <returns>The baseline.</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public static ActionBaseline Window(DateTimeOffset start, DateTimeOffset end)
    {
        Preconditions.CheckArgument(end > start, nameof(end), $"The baseline window's end ({end:O}) must be after its start ({start:O}).");
        return new ActionBaseline(ActionBaselineKind.Window, null, null, start, end);
    }

    /// <inheritdoc />
    public bool Equals(ActionBaseline? other) =>
        other is not null && Kind == other.Kind && Value == other.Value && Nullable.Equals(Currency, other.Currency)
        && Nullable.Equals(WindowStart, other.WindowStart) && Nullable.Equals(WindowEnd, other.WindowEnd);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ActionBaseline);

    /// <inheritdoc />
    public override int GetHashCode() =>
        unchecked(((int)Kind * 31 + (Value?.GetHashCode() ?? 0)) * 31 + (WindowStart?.GetHashCode() ?? 0));

    /// <summary>Describes the baseline.</summary>
    /// <returns>The value, or the window as <c>[start, end)</c>.</returns>
    public override string ToString() => Kind == ActionBaselineKind.Given
        ? "given " + MetricExpressionFormatter.Number(Value!.Value) + (Currency is { } c ? " " + c.Code : string.Empty)
        : $"window [{WindowStart:O}, {WindowEnd:O})";
}
