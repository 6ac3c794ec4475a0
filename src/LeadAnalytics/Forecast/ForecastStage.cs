namespace LeadAnalytics.Forecast;

/// <summary>The data behind one stage's curve: the leads that entered the stage by as-of, followed from their entry to won,
/// lost or as-of (censored). Immutable.</summary>
public sealed class ForecastStage
{
    internal ForecastStage(int stage, string name, int entered, int won, int lost, int censored, int stale, double? lastEventDays, double? baselineWinRate)
    {
        Stage = stage;
        Name = name;
        Entered = entered;
        Won = won;
        Lost = lost;
        Censored = censored;
        Stale = stale;
        LastEventDays = lastEventDays;
        BaselineWinRate = baselineWinRate;
    }

    /// <summary>The stage index.</summary>
    public int Stage { get; }

    /// <summary>The stage name.</summary>
    public string Name { get; }

    /// <summary>Leads that entered the stage by as-of (with an outcome not recorded before the entry).</summary>
    public int Entered { get; }

    /// <summary>Of those, won by as-of.</summary>
    public int Won { get; }

    /// <summary>Of those, lost by as-of.</summary>
    public int Lost { get; }

    /// <summary>Of those, still open (censored at as-of).</summary>
    public int Censored { get; }

    /// <summary>Of the open ones, stale.</summary>
    public int Stale { get; }

    /// <summary>Days from stage entry to the last outcome (won or lost) observed; a lead longer in the stage is beyond observed.</summary>
    public double? LastEventDays { get; }

    /// <summary>The baseline's win rate: won / (won + lost + stale); null when that is 0.</summary>
    public double? BaselineWinRate { get; }
}
