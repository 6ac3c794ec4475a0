namespace LeadAnalytics.Forecast;

/// <summary>The forecast of one open lead. Immutable.</summary>
public sealed class LeadForecast
{
    internal LeadForecast(
        int row, string id, int stage, string stageName, double daysInStage, double daysSinceAcquisition, string? segment, string owner, decimal? value,
        bool valueRecorded, bool isStale, bool isBeyondObserved, IReadOnlyList<double?> winProbabilities, double? baselineProbability)
    {
        Row = row;
        Id = id;
        Stage = stage;
        StageName = stageName;
        DaysInStage = daysInStage;
        DaysSinceAcquisition = daysSinceAcquisition;
        Segment = segment;
        Owner = owner;
        Value = value;
        ValueRecorded = valueRecorded;
        IsStale = isStale;
        IsBeyondObserved = isBeyondObserved;
        WinProbabilities = winProbabilities;
        BaselineProbability = baselineProbability;
    }

    /// <summary>The lead's row in the table.</summary>
    public int Row { get; }

    /// <summary>The lead id.</summary>
    public string Id { get; }

    /// <summary>The current stage (the furthest recorded by as-of), an index into the pipeline.</summary>
    public int Stage { get; }

    /// <summary>The current stage's name.</summary>
    public string StageName { get; }

    /// <summary>Days since the lead entered its current stage.</summary>
    public double DaysInStage { get; }

    /// <summary>Days since acquisition.</summary>
    public double DaysSinceAcquisition { get; }

    /// <summary>The segment label, when the breakdown of <see cref="ForecastOptions.Scope"/> is set.</summary>
    public string? Segment { get; }

    /// <summary>The owner label.</summary>
    public string Owner { get; }

    /// <summary>The value used for revenue: the recorded deal amount, else the segment's (else the overall) average won deal;
    /// <see langword="null"/> when there is none.</summary>
    public decimal? Value { get; }

    /// <summary>Whether <see cref="Value"/> is the lead's recorded deal amount.</summary>
    public bool ValueRecorded { get; }

    /// <summary>Whether the lead is stale as of the as-of instant.</summary>
    public bool IsStale { get; }

    /// <summary>Whether the lead has been in its stage longer than any outcome observed there (no probability is given).</summary>
    public bool IsBeyondObserved { get; }

    /// <summary>P(won within h | open in this stage for <see cref="DaysInStage"/> days), per horizon; null when beyond observed.</summary>
    public IReadOnlyList<double?> WinProbabilities { get; }

    /// <summary>The stage-weighted baseline: the historical win rate of the lead's stage; null when no lead that reached the
    /// stage has closed.</summary>
    public double? BaselineProbability { get; }
}
