using System.Globalization;

namespace LeadAnalytics.Funnel;

/// <summary>
/// A target for one funnel step, named by the stage the step leaves: for example "drop-off at NeedsConfirmed down to
/// 25%" (the template's optimisation action) is <c>StepTarget.DropOff(Pipeline.NeedsConfirmed, 0.25)</c>.
/// Targets are compared with the step's resolved-leads view.
/// </summary>
/// <remarks>Immutable and thread-safe; equality by value.</remarks>
public sealed class StepTarget : IEquatable<StepTarget>
{
    private StepTarget(string fromStage, StepTargetKind kind, double value)
    {
        if (string.IsNullOrWhiteSpace(fromStage))
        {
            throw new ArgumentException("A target names the stage its step leaves.", nameof(fromStage));
        }

        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A target proportion lies in [0, 1].");
        }

        FromStage = fromStage.Trim();
        Kind = kind;
        Value = value;
    }

    /// <summary>The stage the step leaves (step k to k + 1 is named by stage k).</summary>
    public string FromStage { get; }

    /// <summary>Whether <see cref="Value"/> bounds the drop-off or the conversion.</summary>
    public StepTargetKind Kind { get; }

    /// <summary>The target proportion, in [0, 1].</summary>
    public double Value { get; }

    /// <summary>The target expressed as a drop-off: <see cref="Value"/>, or 1 - <see cref="Value"/> for a conversion target.</summary>
    public double DropOff => Kind == StepTargetKind.DropOff ? Value : 1 - Value;

    /// <summary>A ceiling on a step's resolved drop-off.</summary>
    /// <param name="fromStage">The stage the step leaves.</param>
    /// <param name="value">The highest acceptable drop-off, in [0, 1].</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentException">The stage name is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value lies outside [0, 1].</exception>
    public static StepTarget ForDropOff(string fromStage, double value) => new(fromStage, StepTargetKind.DropOff, value);

    /// <summary>A floor on a step's resolved conversion.</summary>
    /// <param name="fromStage">The stage the step leaves.</param>
    /// <param name="value">The lowest acceptable conversion, in [0, 1].</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentException">The stage name is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value lies outside [0, 1].</exception>
    public static StepTarget ForConversion(string fromStage, double value) => new(fromStage, StepTargetKind.Conversion, value);

    /// <inheritdoc />
    public bool Equals(StepTarget? other) =>
        other is not null && FromStage == other.FromStage && Kind == other.Kind && Value.Equals(other.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StepTarget);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(FromStage) * 31) + ((int)Kind * 7) + Value.GetHashCode());

    /// <summary>Describes the target.</summary>
    /// <returns>For example <c>DropOff at NeedsConfirmed &lt;= 25.0%</c>.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} at {1} {2} {3:P1}", Kind, FromStage, Kind == StepTargetKind.DropOff ? "<=" : ">=", Value);
}
