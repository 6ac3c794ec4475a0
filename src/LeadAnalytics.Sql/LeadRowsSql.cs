using System.Globalization;
using System.Text;
using LeadAnalytics.Data;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Sql;

/// <summary>
/// The common head of every push-down query: <c>WITH r, s, c</c>, one row per lead of the source table with its segment
/// texts (d0, d1), its instants in whole seconds (s0..s5, lost, act; the LeadTable's resolution, floored), its chronology
/// fault flag, the furthest stage reached by as-of (<c>stage</c>, -1 outside the scope: acquired after as-of or outside the
/// acquisition period) and its class as of the instant (<c>state</c>: <see cref="Won"/>, <see cref="Lost"/>,
/// <see cref="Stale"/>, <see cref="Open"/>), decided as <c>Data/OutcomeClassifier</c> decides it, plus any extra per-lead
/// columns an engine needs (amounts, loss reason, id).
/// </summary>
internal static class LeadRowsSql
{
    internal const int Won = 0;
    internal const int Lost = 1;
    internal const int Stale = 2;
    internal const int Open = 3;

    // The default pipeline's stage columns, in order; the last is won.
    internal static readonly LeadField[] Stages =
    {
        LeadField.AcquiredAt, LeadField.ContactedAt, LeadField.NeedsConfirmedAt, LeadField.ProposalSentAt, LeadField.NegotiationAt, LeadField.WonAt,
    };

    internal static int LastStage => Stages.Length - 1;

    // Appends WITH r AS (...), s AS (...), l AS (...), c AS (...); extras are per-lead expressions over the source table's
    // columns, carried through as the given aliases.
    //
    // Speed: the scope, the furthest stage and the class compare the epoch microseconds (u*) with bounds bound once (a floored
    // second t is at or before as-of exactly when its microseconds are below (as-of + 1) x 10^6), so a query that needs no
    // duration never floors an instant: DuckDB prunes the unused whole-second columns (s*, latest), and the chronology fault
    // is one greatest per stage (SqlDialect.Greatest skips NULLs; acquisition is never NULL here).
    internal static void Append(StringBuilder sql, SqlDialect dialect, SqlTableName table, SourceColumns columns, SqlCommandText command, string d0, string d1,
        string asOf, long asOfSeconds, AcquisitionPeriod period, int staleSeconds, IReadOnlyList<(string Expression, string Alias)> extras)
    {
        columns.Require(LeadField.AcquiredAt);
        var reached = command.Bind("asofus", checked((asOfSeconds + 1) * 1_000_000L));

        // r: the mapped columns as epoch microseconds and segment texts.
        // DuckDB materialises a CTE referenced more than once; inlining one only moves the materialisation to the one it
        // reads, so all four are marked (SqlDialect.RepeatedCte).
        sql.Append("WITH r AS").Append(dialect.RepeatedCte).Append(" (");
        Instants(sql, table, columns, command, d0, d1, extras);
        sql.Append(')');

        // s: the instants (microseconds and whole seconds) and the chronology fault flag, decided on the full instants as the
        // lead rules do: a recorded stage (or lost) before acquisition or before the latest earlier recorded stage.
        sql.Append(", s AS").Append(dialect.RepeatedCte).Append(" (SELECT d0, d1");
        foreach (var (_, alias) in extras)
        {
            sql.Append(", ").Append(alias);
        }

        for (var k = 0; k < Stages.Length; k++)
        {
            sql.Append(", u").Append(N(k)).Append(", ").Append(dialect.FloorSeconds("u" + N(k))).Append(" AS s").Append(N(k));
        }

        sql.Append(", ulost, uact, ").Append(dialect.FloorSeconds("ulost")).Append(" AS lost, ").Append(dialect.FloorSeconds("uact")).Append(" AS act, CASE WHEN ");
        for (var k = 1; k <= Stages.Length; k++)
        {
            var field = k == Stages.Length ? "ulost" : "u" + N(k);
            sql.Append(k > 1 ? " OR " : "").Append(field).Append(" < ").Append(EarlierMax(dialect, k));
        }

        sql.Append(" THEN 1 ELSE 0 END AS fault FROM r WHERE u0 IS NOT NULL)");

        // l: the furthest stage reached by as-of (-1 outside the scope) and the latest activity at or before as-of (whole
        // seconds, for the engines that measure from it); c: the class.
        sql.Append(", l AS").Append(dialect.RepeatedCte).Append(" (SELECT s.*, CASE WHEN u0 >= ").Append(reached);
        OutsidePeriod(sql, command, period);
        sql.Append(" THEN -1");
        for (var k = LastStage; k >= 1; k--)
        {
            sql.Append(" WHEN u").Append(N(k)).Append(" < ").Append(reached).Append(" THEN ").Append(N(k));
        }

        sql.Append(" ELSE 0 END AS stage, ").Append(LatestActivity(dialect, asOf, "s0", new[] { "s1", "s2", "s3", "s4", "s5", "lost", "act" }, " <= ")).Append(" AS latest FROM s)");
        sql.Append(", c AS").Append(dialect.RepeatedCte).Append(" (SELECT l.*, CASE WHEN u").Append(N(LastStage)).Append(" < ").Append(reached).Append(" THEN ").Append(N(Won))
            .Append(" WHEN ulost < ").Append(reached).Append(" THEN ").Append(N(Lost));
        if (staleSeconds > 0)
        {
            // as-of - latest >= stale in whole seconds, that is latest's microseconds below (as-of - stale + 1) x 10^6.
            var staleBound = command.Bind("staleus", checked((asOfSeconds - staleSeconds + 1) * 1_000_000L));
            sql.Append(" WHEN ").Append(LatestActivity(dialect, reached, "u0", new[] { "u1", "u2", "u3", "u4", "u5", "ulost", "uact" }, " < "))
                .Append(" < ").Append(staleBound).Append(" THEN ").Append(N(Stale));
        }

        sql.Append(" ELSE ").Append(N(Open)).Append(" END AS state FROM l)");
    }

    // The stale threshold in whole seconds as a bound parameter.
    internal static string StaleParameter(SqlCommandText command, int staleSeconds) => command.Bind("stale", (long)staleSeconds);

    /// <summary>The latest instant recorded in the table (any stage, lost or last activity), in epoch microseconds.</summary>
    internal static SqlCommandText LatestEvent(SqlDialect dialect, SqlTableName table, SourceColumns columns)
    {
        columns.Require(LeadField.AcquiredAt);
        var command = new SqlCommandText(dialect);
        var sql = new StringBuilder("SELECT CAST(MAX(").Append(EarlierMax(dialect, Stages.Length + 2)).Append(") AS BIGINT) FROM (");
        Instants(sql, table, columns, command, dialect.NullText, dialect.NullText, Array.Empty<(string, string)>());
        sql.Append(") r WHERE u0 IS NOT NULL");
        command.Text = sql.ToString();
        return command;
    }

    // " OR u0 < from OR u0 >= to": the acquisition period [from, to), bounds rounded up to the second as TableTime does (a
    // floored second t is before a whole second b exactly when its microseconds are below b x 10^6).
    private static void OutsidePeriod(StringBuilder sql, SqlCommandText command, AcquisitionPeriod period)
    {
        if (period.From is { } from)
        {
            sql.Append(" OR u0 < ").Append(command.Bind("from" + from.UtcTicks.ToString(CultureInfo.InvariantCulture), checked(SqlLeadSource.CeilSeconds(from) * 1_000_000L)));
        }

        if (period.To is { } to)
        {
            sql.Append(" OR u0 >= ").Append(command.Bind("to" + to.UtcTicks.ToString(CultureInfo.InvariantCulture), checked(SqlLeadSource.CeilSeconds(to) * 1_000_000L)));
        }
    }

    // SELECT d0, d1, extras, u0..u5, ulost, uact FROM table: the instants as epoch microseconds.
    private static void Instants(StringBuilder sql, SqlTableName table, SourceColumns columns, SqlCommandText command, string d0, string d1,
        IReadOnlyList<(string Expression, string Alias)> extras)
    {
        sql.Append("SELECT ").Append(d0).Append(" AS d0, ").Append(d1).Append(" AS d1");
        foreach (var (expression, alias) in extras)
        {
            sql.Append(", ").Append(expression).Append(" AS ").Append(alias);
        }

        for (var k = 0; k < Stages.Length; k++)
        {
            sql.Append(", ").Append(columns.Micros(Stages[k], command) ?? "CAST(NULL AS BIGINT)").Append(" AS u").Append(N(k));
        }

        sql.Append(", ").Append(columns.Micros(LeadField.LostAt, command) ?? "CAST(NULL AS BIGINT)").Append(" AS ulost");
        sql.Append(", ").Append(columns.Micros(LeadField.LastActivityAt, command) ?? "CAST(NULL AS BIGINT)").Append(" AS uact");
        sql.Append(" FROM ").Append(table.Quoted(columns.Dialect));
    }

    // The latest of acquisition and the recorded instants before stage k (k = stage count means lost: all stages; one more
    // adds lost, two more the last activity). The dialect's greatest skips NULLs, and u0 is never NULL here.
    private static string EarlierMax(SqlDialect dialect, int k)
    {
        if (k == 1)
        {
            return "u0";
        }

        var others = new List<string>();
        for (var j = 1; j < k; j++)
        {
            others.Add(j < Stages.Length ? "u" + N(j) : j == Stages.Length ? "ulost" : "uact");
        }

        return dialect.Greatest("u0", others);
    }

    // The latest stage, lost or activity instant reached by as-of (each compared with the bound): acquisition (always
    // reached in scope) fills the rest.
    private static string LatestActivity(SqlDialect dialect, string bound, string first, string[] others, string reachedOperator) =>
        dialect.Greatest(first, others.Select(column => "CASE WHEN " + column + reachedOperator + bound + " THEN " + column + " ELSE " + first + " END"));

    internal static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
