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

    // Appends WITH r AS (...), s AS (...), c AS (...); extras are per-lead expressions over the source table's columns, carried
    // through as the given aliases.
    internal static void Append(StringBuilder sql, SqlDialect dialect, SqlTableName table, SourceColumns columns, SqlCommandText command, string d0, string d1,
        string asOf, AcquisitionPeriod period, int staleSeconds, IReadOnlyList<(string Expression, string Alias)> extras)
    {
        columns.Require(LeadField.AcquiredAt);

        // r: the mapped columns as epoch microseconds and segment texts.
        sql.Append("WITH r AS (");
        Instants(sql, table, columns, command, d0, d1, extras);
        sql.Append(')');

        // s: whole seconds and the chronology fault flag, decided on the full instants as the lead rules do: a recorded stage
        // (or lost) before acquisition or before the latest earlier recorded stage.
        sql.Append(", s AS (SELECT d0, d1");
        foreach (var (_, alias) in extras)
        {
            sql.Append(", ").Append(alias);
        }

        for (var k = 0; k < Stages.Length; k++)
        {
            sql.Append(", ").Append(dialect.FloorSeconds("u" + N(k))).Append(" AS s").Append(N(k));
        }

        sql.Append(", ").Append(dialect.FloorSeconds("ulost")).Append(" AS lost, ").Append(dialect.FloorSeconds("uact")).Append(" AS act, CASE WHEN ");
        for (var k = 1; k <= Stages.Length; k++)
        {
            var field = k == Stages.Length ? "ulost" : "u" + N(k);
            sql.Append(k > 1 ? " OR " : "").Append(field).Append(" < ").Append(EarlierMax(k));
        }

        sql.Append(" THEN 1 ELSE 0 END AS fault FROM r WHERE u0 IS NOT NULL)");

        // l: the furthest stage reached by as-of (-1 outside the scope) and the latest activity at or before as-of; c: the class.
        sql.Append(", l AS (SELECT s.*, CASE WHEN s0 > ").Append(asOf);
        OutsidePeriod(sql, command, period);
        sql.Append(" THEN -1");
        for (var k = LastStage; k >= 1; k--)
        {
            sql.Append(" WHEN s").Append(N(k)).Append(" <= ").Append(asOf).Append(" THEN ").Append(N(k));
        }

        sql.Append(" ELSE 0 END AS stage, ").Append(LatestActivity(asOf)).Append(" AS latest FROM s)");
        sql.Append(", c AS (SELECT l.*, CASE WHEN s").Append(N(LastStage)).Append(" <= ").Append(asOf).Append(" THEN ").Append(N(Won))
            .Append(" WHEN lost <= ").Append(asOf).Append(" THEN ").Append(N(Lost));
        if (staleSeconds > 0)
        {
            sql.Append(" WHEN ").Append(asOf).Append(" - latest >= ").Append(StaleParameter(command, staleSeconds)).Append(" THEN ").Append(N(Stale));
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
        var sql = new StringBuilder("SELECT CAST(MAX(").Append(EarlierMax(Stages.Length + 2)).Append(") AS BIGINT) FROM (");
        Instants(sql, table, columns, command, dialect.NullText, dialect.NullText, Array.Empty<(string, string)>());
        sql.Append(") r WHERE u0 IS NOT NULL");
        command.Text = sql.ToString();
        return command;
    }

    // " OR s0 < from OR s0 >= to": the acquisition period [from, to), bounds rounded up to the second as TableTime does.
    private static void OutsidePeriod(StringBuilder sql, SqlCommandText command, AcquisitionPeriod period)
    {
        if (period.From is { } from)
        {
            sql.Append(" OR s0 < ").Append(command.Bind("from" + from.UtcTicks.ToString(CultureInfo.InvariantCulture), SqlLeadSource.CeilSeconds(from)));
        }

        if (period.To is { } to)
        {
            sql.Append(" OR s0 >= ").Append(command.Bind("to" + to.UtcTicks.ToString(CultureInfo.InvariantCulture), SqlLeadSource.CeilSeconds(to)));
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
    // adds lost, two more the last activity).
    private static string EarlierMax(int k)
    {
        if (k == 1)
        {
            return "u0";
        }

        var sb = new StringBuilder("GREATEST(u0");
        for (var j = 1; j < k; j++)
        {
            var column = j < Stages.Length ? "u" + N(j) : j == Stages.Length ? "ulost" : "uact";
            sb.Append(", COALESCE(").Append(column).Append(", u0)");
        }

        return sb.Append(')').ToString();
    }

    // The latest stage, lost or activity instant at or before as-of: acquisition (always at or before it here) fills the rest.
    private static string LatestActivity(string asOf)
    {
        var sb = new StringBuilder("GREATEST(s0");
        foreach (var column in new[] { "s1", "s2", "s3", "s4", "s5", "lost", "act" })
        {
            sb.Append(", CASE WHEN ").Append(column).Append(" <= ").Append(asOf).Append(" THEN ").Append(column).Append(" ELSE s0 END");
        }

        return sb.Append(')').ToString();
    }

    internal static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
