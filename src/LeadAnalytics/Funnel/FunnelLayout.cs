namespace LeadAnalytics.Funnel;

/// <summary>
/// Where each count lives in a segment's flat counter block. A lead is counted ONCE, in the cell of the stage it
/// stopped at and the reason it stopped there; reach, advanced and every split are sums of these cells, which keeps
/// the hot loop to one scattered increment per lead and segment.
/// </summary>
internal readonly struct FunnelLayout
{
    // Reasons a lead stopped at a stage short of won. At the won stage cell 0 counts the won leads.
    internal const int Lost = 0;
    internal const int Stale = 1;
    internal const int Open = 2;
    internal const int Expired = 3;
    internal const int Unrecorded = 4;
    internal const int Categories = 5;

    internal FunnelLayout(int stages)
    {
        Stages = stages;
        Steps = stages - 1;
        DurationOffset = stages * Categories;
        NegativeOffset = DurationOffset + Steps;
        FaultOffset = NegativeOffset + Steps;
        Stride = FaultOffset + 1;
    }

    internal int Stages { get; }

    internal int Steps { get; }

    // Per step: how many leads have a usable (non-negative) time between the two stages.
    internal int DurationOffset { get; }

    // Per step: how many leads have a negative time between the two stages (chronology faults), excluded.
    internal int NegativeOffset { get; }

    // Leads flagged with chronology faults.
    internal int FaultOffset { get; }

    internal int Stride { get; }

    internal static int Cell(int stage, int category) => (stage * Categories) + category;
}
