using LeadAnalytics.Data;

namespace LeadAnalytics.Actions;

/// <summary>
/// Copies chosen rows of a <see cref="LeadTable"/> into a new table, in the order given, keeping the dictionaries (codes mean the
/// same values), the epoch and the currency. The tracker hands the engines the segment's rows ordered by acquisition, so
/// every acquisition window is one contiguous row range (<see cref="SegmentRows"/>).
/// </summary>
internal static class SegmentTable
{
    internal static LeadTable Build(LeadTable table, int[] rows)
    {
        var n = rows.Length;
        var ids = new IdColumn.Builder();
        var lost = new int[n];
        var deal = new AmountColumn.Builder();
        var cost = new AmountColumn.Builder();
        var flags = new byte[n];
        var furthest = new byte[n];
        var latest = new int[n];
        var stageSeconds = new int[table.StageSeconds.Length][];
        for (var s = 0; s < stageSeconds.Length; s++)
        {
            stageSeconds[s] = new int[n];
        }

        var tagOffsets = new OffsetColumn.Builder();
        var tagCodes = new CodeColumn.Builder();
        var activityOffsets = new OffsetColumn.Builder();
        var activities = new List<int>();
        var reasonCodes = new CodeColumn.Builder();
        var dimensionCodes = new CodeColumn.Builder[(int)Dimension.Tag];
        for (var d = 0; d < dimensionCodes.Length; d++)
        {
            dimensionCodes[d] = new CodeColumn.Builder();
        }

        var tags = table.Dimensions[(int)Dimension.Tag].Codes;
        for (var i = 0; i < n; i++)
        {
            var row = rows[i];
            ids.Add(table.Ids[row]);
            lost[i] = table.LostSeconds[row];
            deal.Add(table.DealMinor[row]);
            cost.Add(table.CostMinor[row]);
            flags[i] = table.Flags[row];
            furthest[i] = table.Furthest[row];
            latest[i] = table.LatestActivity[row];
            reasonCodes.Add(table.LossReasons.Codes[row]);
            for (var s = 0; s < stageSeconds.Length; s++)
            {
                stageSeconds[s][i] = table.StageSeconds[s][row];
            }

            for (var d = 0; d < dimensionCodes.Length; d++)
            {
                dimensionCodes[d].Add(table.Dimensions[d].Codes[row]);
            }

            for (var t = table.TagOffsets[row]; t < table.TagOffsets[row + 1]; t++)
            {
                tagCodes.Add(tags[t]);
            }

            tagOffsets.EndRow(tagCodes.Count);
            for (var a = table.ActivityOffsets[row]; a < table.ActivityOffsets[row + 1]; a++)
            {
                activities.Add(table.ActivitySeconds[a]);
            }

            activityOffsets.EndRow(activities.Count);
        }

        var dimensions = new DimensionColumn[table.Dimensions.Length];
        for (var d = 0; d < dimensions.Length; d++)
        {
            var codes = d == (int)Dimension.Tag ? tagCodes.ToColumn() : dimensionCodes[d].ToColumn();
            dimensions[d] = new DimensionColumn((Dimension)d, table.Dimensions[d].Values.ToArray(), codes);
        }

        var reasons = new DimensionColumn(table.LossReasons.Dimension, table.LossReasons.Values.ToArray(), reasonCodes.ToColumn());

        // The source's latest event bounds the copy's: engines only use it to know when as-of sees everything.
        return new LeadTable(
            table.Pipeline, table.Currency, table.EpochTicks, ids.ToColumn(), dimensions, tagOffsets.ToColumn(), stageSeconds, lost,
            activityOffsets.ToColumn(), activities.ToArray(), deal.ToColumn(), cost.ToColumn(), flags, furthest, latest, reasons, table.MaxEventSeconds);
    }
}
