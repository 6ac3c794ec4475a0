namespace LeadAnalytics.Data;

// The one way every engine's partials merge as a sequence: left to right, at least one, none null.
internal static class Partitions
{
    internal static T MergeAll<T>(IEnumerable<T> partitions, Func<T, T, T> merge)
        where T : class
    {
        Preconditions.CheckNotNull(partitions);
        T? merged = null;
        foreach (var p in partitions)
        {
            Preconditions.CheckArgument(p is not null, nameof(partitions), "Partitions must not contain null.");
            merged = merged is null ? p : merge(merged, p!);
        }

        return merged ?? throw new ArgumentException("Merging needs at least one partition.", nameof(partitions));
    }

    // Checks a row range [startRow, startRow + rowCount) of a table of count rows.
    internal static void CheckRows(int count, int startRow, int rowCount)
    {
        if (startRow < 0 || rowCount < 0 || startRow > count - rowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(rowCount), rowCount, $"Rows {startRow} to {startRow + rowCount - 1} are not all in a table of {count} rows.");
        }
    }
}
