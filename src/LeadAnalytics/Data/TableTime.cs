
namespace LeadAnalytics.Data;

// Period bounds in the LeadTable's seconds. A lead stored at second t was acquired at some instant in [t, t + 1s); it is
// "at or after" a bound b when t >= ceil(b) and "before" b when t < ceil(b), both in seconds from the table's epoch. Integer
// arithmetic on ticks, so far-off instants do not round.
internal static class TableTime
{
    internal static int CeilSeconds(LeadTable table, long utcTicks)
    {
        var ticks = utcTicks - table.EpochTicks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        if (ticks > 0 && ticks % TimeSpan.TicksPerSecond != 0)
        {
            seconds++;
        }

        return seconds >= int.MaxValue ? int.MaxValue : seconds <= int.MinValue + 1 ? int.MinValue + 1 : (int)seconds;
    }

    // An acquisition period as [From, To) in table seconds; int.MinValue and int.MaxValue where it is open.
    internal static (int From, int To) Bounds(LeadTable table, AcquisitionPeriod period) =>
        (period.From is { } f ? CeilSeconds(table, f.UtcTicks) : int.MinValue, period.To is { } t ? CeilSeconds(table, t.UtcTicks) : int.MaxValue);
}
