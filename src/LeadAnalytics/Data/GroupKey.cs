namespace LeadAnalytics.Data;

/// <summary>A segment named by its values (not codes), so partitions of different tables merge by meaning.
/// Orders cohorts chronologically and dimension values ordinally, missing first.</summary>
internal readonly struct GroupKey : IEquatable<GroupKey>, IComparable<GroupKey>
{
    internal GroupKey(string? first, string? second, int periodStartDay)
    {
        First = first;
        Second = second;
        PeriodStartDay = periodStartDay;
    }

    internal string? First { get; }

    internal string? Second { get; }

    // Days since 0001-01-01 of the cohort's first local day; 0 for dimension segments.
    internal int PeriodStartDay { get; }

    public bool Equals(GroupKey other) =>
        PeriodStartDay == other.PeriodStartDay && string.Equals(First, other.First, StringComparison.Ordinal) && string.Equals(Second, other.Second, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is GroupKey other && Equals(other);

    public override int GetHashCode() =>
        unchecked((((PeriodStartDay * 397) ^ (First is null ? 0 : StringComparer.Ordinal.GetHashCode(First))) * 397) ^ (Second is null ? 0 : StringComparer.Ordinal.GetHashCode(Second)));

    public int CompareTo(GroupKey other)
    {
        var c = PeriodStartDay.CompareTo(other.PeriodStartDay);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(First, other.First);
        return c != 0 ? c : string.CompareOrdinal(Second, other.Second);
    }
}
