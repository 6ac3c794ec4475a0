using System.Globalization;

namespace LeadAnalytics.Data;

/// <summary>Calendar arithmetic for acquisition cohorts, on day numbers (days since 0001-01-01, a Monday), so the
/// hot loop maps a lead to its cohort with one subtraction and one array read.</summary>
internal static class CohortCalendar
{
    internal const long SecondsPerDay = 86_400;

    internal static int PeriodStart(int day, CohortPeriod period)
    {
        switch (period)
        {
            case CohortPeriod.Day:
                return day;
            case CohortPeriod.IsoWeek:
                // 0001-01-01 was a Monday, so the remainder is the number of days since Monday.
                return day - (day % 7);
            case CohortPeriod.Month:
            {
                var date = ToDate(day);
                return FromDate(new DateTime(date.Year, date.Month, 1));
            }

            case CohortPeriod.Quarter:
            {
                var date = ToDate(day);
                return FromDate(new DateTime(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown cohort period.");
        }
    }

    internal static int NextPeriodStart(int start, CohortPeriod period) => period switch
    {
        CohortPeriod.Day => start + 1,
        CohortPeriod.IsoWeek => start + 7,
        CohortPeriod.Month => FromDate(ToDate(start).AddMonths(1)),
        CohortPeriod.Quarter => FromDate(ToDate(start).AddMonths(3)),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown cohort period."),
    };

    /// <summary>2023-10-01 (day), 2023-W40 (ISO week-numbering year and week), 2023-10 (month), 2023-Q4 (quarter).</summary>
    internal static string Label(int start, CohortPeriod period)
    {
        var date = ToDate(start);
        switch (period)
        {
            case CohortPeriod.Day:
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case CohortPeriod.IsoWeek:
            {
                // The ISO week belongs to the year of its Thursday.
                var thursday = ToDate(start + 3);
                var week = ((thursday.DayOfYear - 1) / 7) + 1;
                return string.Format(CultureInfo.InvariantCulture, "{0:D4}-W{1:D2}", thursday.Year, week);
            }

            case CohortPeriod.Month:
                return date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            case CohortPeriod.Quarter:
                return string.Format(CultureInfo.InvariantCulture, "{0:D4}-Q{1}", date.Year, ((date.Month - 1) / 3) + 1);
            default:
                throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown cohort period.");
        }
    }

    internal static DateTimeOffset ToInstant(int day, TimeSpan offset) => new(day * TimeSpan.TicksPerDay, offset);

    internal static int FloorDiv(long value, long divisor)
    {
        var q = value / divisor;
        return (int)((value % divisor != 0 && (value < 0) != (divisor < 0)) ? q - 1 : q);
    }

    private static DateTime ToDate(int day) => new(day * TimeSpan.TicksPerDay, DateTimeKind.Unspecified);

    private static int FromDate(DateTime date) => (int)(date.Ticks / TimeSpan.TicksPerDay);
}
