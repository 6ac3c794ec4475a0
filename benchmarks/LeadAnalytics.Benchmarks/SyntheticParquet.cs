using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// The synthetic leads of <see cref="SyntheticLeads"/> written set-based inside DuckDB: one
/// <c>COPY (SELECT ... FROM range(N)) TO 'file.parquet' (FORMAT parquet)</c>, every per-row random value a deterministic
/// function of the row number and the seed (the hash of <c>seed * 2^40 + i * 16 + k</c>, k one stream per quantity), so no row passes through
/// .NET and 100M leads are written at DuckDB's speed. The shape and the distributions are those of
/// <see cref="SyntheticLeads.Rows"/> and <see cref="SyntheticLeads.Fill"/> (the random streams differ, so the rows are not
/// the same rows, only the same distributions): 12 channels with weights 1/k, strategy, content, owner, customer type and
/// industry by row number, acquisition at a uniform minute of 2023 in local time (+08:00), a geometric furthest stage
/// (62% go on, at most 5), stages 30 hours apart, won at stage 5 with a deal of 10,000.00 to 99,999.99, else lost 40 hours
/// after the furthest stage with probability 0.6 and a reason by row number, a per-lead cost of 100.00 to 999.99.
/// </summary>
public static class SyntheticParquet
{
    /// <summary>The tracking table's columns written, in order.</summary>
    public const string Columns =
        "lead_id, channel, strategy, content, acquired_at, owner, customer_type, industry, contacted_at, needs_confirmed_at, proposal_at, " +
        "negotiation_at, won_at, lost_at, loss_reason, deal_amount, acquisition_cost";

    /// <summary>The <c>SELECT</c> of <paramref name="count"/> leads (rows <c>0 .. count - 1</c>), in <see cref="Columns"/> order.</summary>
    public static string Select(long count, int seed = 42)
    {
        var inv = CultureInfo.InvariantCulture;

        // The channel of SyntheticLeads.Rows: the first k whose cumulative weight (1/1 + ... + 1/(k+1)) / total reaches u.
        var weights = Enumerable.Range(1, SyntheticLeads.Channels.Length).Select(k => 1.0 / k).ToArray();
        var total = weights.Sum();
        var running = 0.0;
        var channelCase = "CASE";
        for (var k = 0; k < weights.Length - 1; k++)
        {
            running += weights[k] / total;
            channelCase += $" WHEN u_channel <= {running.ToString("R", inv)} THEN {k}";
        }

        channelCase += $" ELSE {weights.Length - 1} END";
        string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Literal)) + "]";
        var s = seed.ToString(inv);

        // A uniform double in [0, 1) from the top 53 bits of a 64-bit hash; an integer in [0, m) from the hash modulo m. Each
        // (seed, row, stream) is hashed as one distinct integer, seed * 2^40 + row * 16 + stream: DuckDB's several-argument
        // hash(i, seed, k) combines the arguments' hashes so that two streams of one row are correlated (with it, 66% of the
        // leads that are not won came out lost instead of 60%).
        var key = $"({s} * 1099511627776 + i * 16 + ";
        string Uniform(int stream) => $"(hash({key}{stream})) >> 11) / 9007199254740992.0";
        string Below(int stream, long m) => $"CAST(hash({key}{stream})) % {m.ToString(inv)} AS BIGINT)";
        return $"""
            WITH r AS (
              SELECT i, {Uniform(1)} AS u_channel, {Below(2, 365 * 24 * 60)} AS minute, {Uniform(3)} AS u_stage, {Uniform(4)} AS u_lost,
                {Below(5, 9_000_000)} AS deal_offset, {Below(6, 90_000)} AS cost_offset
              FROM range({count.ToString(inv)}) t(i)),
            l AS (
              SELECT i, {channelCase} AS ch, TIMESTAMP '2023-01-01 00:00:00' + to_minutes(minute) AS acq,
                CAST(least(5, floor(ln(1 - u_stage) / ln(0.62))) AS INTEGER) AS st, u_lost, deal_offset, cost_offset
              FROM r)
            SELECT 'L' || i AS lead_id,
              {List(SyntheticLeads.Channels)}[ch + 1] AS channel,
              {List(SyntheticLeads.Channels)}[ch + 1] || {Literal(" 策略")} || ['A', 'B', 'C'][i % 3 + 1] AS strategy,
              {Literal("素材")} || lpad(CAST((i // 3) % 20 AS VARCHAR), 2, '0') AS content,
              acq AS acquired_at,
              {Literal("销售")} || lpad(CAST((i * 7) % 40 AS VARCHAR), 2, '0') AS owner,
              CASE WHEN i % 3 = 0 THEN {Literal("个人")} ELSE {Literal("企业")} END AS customer_type,
              {List(SyntheticCsv.Industries)}[(i * 3) % {SyntheticCsv.Industries.Length} + 1] AS industry,
              CASE WHEN st >= 1 THEN acq + to_hours(30) END AS contacted_at,
              CASE WHEN st >= 2 THEN acq + to_hours(60) END AS needs_confirmed_at,
              CASE WHEN st >= 3 THEN acq + to_hours(90) END AS proposal_at,
              CASE WHEN st >= 4 THEN acq + to_hours(120) END AS negotiation_at,
              CASE WHEN st >= 5 THEN acq + to_hours(150) END AS won_at,
              CASE WHEN st < 5 AND u_lost < 0.6 THEN acq + to_hours(30 * st + 40) END AS lost_at,
              CASE WHEN st < 5 AND u_lost < 0.6 THEN {List(SyntheticCsv.LossReasons)}[i % {SyntheticCsv.LossReasons.Length} + 1] END AS loss_reason,
              CASE WHEN st = 5 THEN CAST(CAST(1000000 + deal_offset AS DECIMAL(18, 0)) * 0.01 AS DECIMAL(18, 2)) END AS deal_amount,
              CAST(CAST(10000 + cost_offset AS DECIMAL(18, 0)) * 0.01 AS DECIMAL(18, 2)) AS acquisition_cost
            FROM l
            """;
    }

    /// <summary>
    /// Writes the Parquet file (row groups as DuckDB makes them; insertion order not preserved, so the write streams in
    /// bounded memory on every thread). Returns the seconds taken. <paramref name="format"/>: the COPY options after FORMAT
    /// (a constant of this program, such as <c>csv, header</c>).
    /// </summary>
    public static double Write(DuckDBConnection connection, long count, string path, int seed = 42, string format = "parquet")
    {
        var sw = Stopwatch.StartNew();
        using (var order = connection.CreateCommand())
        {
            order.CommandText = "SET preserve_insertion_order = false";
            order.ExecuteNonQuery();
        }

        using var copy = connection.CreateCommand();
        copy.CommandText = $"COPY ({Select(count, seed)}) TO {Literal(path)} (FORMAT {format})";
        copy.CommandTimeout = 0;
        copy.ExecuteNonQuery();
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>A SQL string literal of a constant of this program (quotes doubled).</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
