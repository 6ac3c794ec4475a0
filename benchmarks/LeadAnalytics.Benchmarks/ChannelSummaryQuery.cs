using System.Data;
using DuckDB.NET.Data;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// The comparison query of shared/design/PERFORMANCE.md: for each channel, lead count, won, lost, sum of deal
/// amounts, sum of costs, and for each stage k = 0..5 the number of leads whose furthest stage is >= k.
/// Implemented in DuckDB SQL (the obvious and the best formulation), naive LINQ over objects, and on the LeadTable.
/// </summary>
public sealed class ChannelSummary
{
    public ChannelSummary(int channels)
    {
        Leads = new long[channels];
        Won = new long[channels];
        Lost = new long[channels];
        Deals = new long[channels];
        Costs = new long[channels];
        Reach = new long[channels, 6];
    }

    public long[] Leads { get; }
    public long[] Won { get; }
    public long[] Lost { get; }
    public long[] Deals { get; }
    public long[] Costs { get; }
    public long[,] Reach { get; }

    public bool SameAs(ChannelSummary other)
    {
        for (var c = 0; c < Leads.Length; c++)
        {
            if (Leads[c] != other.Leads[c] || Won[c] != other.Won[c] || Lost[c] != other.Lost[c] || Deals[c] != other.Deals[c] || Costs[c] != other.Costs[c])
            {
                return false;
            }

            for (var k = 0; k < 6; k++)
            {
                if (Reach[c, k] != other.Reach[c, k])
                {
                    return false;
                }
            }
        }

        return true;
    }
}

public sealed class DuckDbChannelSummary : IDisposable
{
    public const string ObviousSql = """
        SELECT channel, count(*), count(*) FILTER (WHERE outcome = 1), count(*) FILTER (WHERE outcome = 2),
               sum(deal_cents), sum(cost_cents),
               count(*) FILTER (WHERE stage >= 0), count(*) FILTER (WHERE stage >= 1), count(*) FILTER (WHERE stage >= 2),
               count(*) FILTER (WHERE stage >= 3), count(*) FILTER (WHERE stage >= 4), count(*) FILTER (WHERE stage >= 5)
        FROM leads GROUP BY channel
        """;

    // Group by the small combined key first, then roll up: DuckDB's fastest formulation found (PERFORMANCE.md).
    public const string BestSql = """
        WITH g AS (SELECT channel, stage, outcome, count(*) AS n, sum(deal_cents) AS d, sum(cost_cents) AS c
                   FROM leads GROUP BY channel, stage, outcome)
        SELECT channel, sum(n), sum(n) FILTER (WHERE outcome = 1), sum(n) FILTER (WHERE outcome = 2), sum(d), sum(c),
               sum(n) FILTER (WHERE stage >= 0), sum(n) FILTER (WHERE stage >= 1), sum(n) FILTER (WHERE stage >= 2),
               sum(n) FILTER (WHERE stage >= 3), sum(n) FILTER (WHERE stage >= 4), sum(n) FILTER (WHERE stage >= 5)
        FROM g GROUP BY channel
        """;

    // The summary's duration medians with the counts (EffectivenessAnalyzer's defaults: median cycle days over won and lost
    // leads, median days to win, speed to lead's median and 90th percentile in hours; R type 7 = quantile_cont).
    public const string SummaryWithMediansSql = """
        SELECT channel, count(*), count(*) FILTER (WHERE outcome = 1), count(*) FILTER (WHERE outcome = 2),
               sum(deal_cents), sum(cost_cents),
               quantile_cont((coalesce(won_s, lost_s) - acquired_s) / 86400.0, 0.5) FILTER (WHERE won_s IS NOT NULL OR lost_s IS NOT NULL),
               quantile_cont((won_s - acquired_s) / 86400.0, 0.5) FILTER (WHERE won_s IS NOT NULL),
               quantile_cont((s1 - acquired_s) / 3600.0, [0.5, 0.9]) FILTER (WHERE s1 IS NOT NULL)
        FROM leads GROUP BY channel
        """;

    // The funnel's step times by channel (FunnelAnalyzer's defaults: median and 90th percentile of each step's duration in
    // seconds over the leads that took it) with the reach of every stage.
    public const string FunnelWithMediansSql = """
        SELECT channel,
               count(*) FILTER (WHERE stage >= 0), count(*) FILTER (WHERE stage >= 1), count(*) FILTER (WHERE stage >= 2),
               count(*) FILTER (WHERE stage >= 3), count(*) FILTER (WHERE stage >= 4), count(*) FILTER (WHERE stage >= 5),
               quantile_cont(s1 - acquired_s, [0.5, 0.9]) FILTER (WHERE s1 IS NOT NULL),
               quantile_cont(s2 - s1, [0.5, 0.9]) FILTER (WHERE s2 IS NOT NULL),
               quantile_cont(s3 - s2, [0.5, 0.9]) FILTER (WHERE s3 IS NOT NULL),
               quantile_cont(s4 - s3, [0.5, 0.9]) FILTER (WHERE s4 IS NOT NULL),
               quantile_cont(won_s - s4, [0.5, 0.9]) FILTER (WHERE won_s IS NOT NULL)
        FROM leads GROUP BY channel
        """;

    private readonly DuckDBConnection _connection;

    public DuckDbChannelSummary(IEnumerable<SyntheticLeads.Row> rows)
    {
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        using (var create = _connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE leads (channel INTEGER, stage TINYINT, outcome TINYINT, deal_cents BIGINT, cost_cents BIGINT, "
                + "acquired_s BIGINT, s1 BIGINT, s2 BIGINT, s3 BIGINT, s4 BIGINT, won_s BIGINT, lost_s BIGINT)";
            create.ExecuteNonQuery();
        }

        // Instants as Unix seconds (the table's own resolution), null where the lead has none.
        using var appender = _connection.CreateAppender("leads");
        var index = 0;
        foreach (var r in rows)
        {
            var row = appender.CreateRow().AppendValue(r.Channel).AppendValue((sbyte)r.FurthestStage).AppendValue((sbyte)r.Outcome)
                .AppendValue(r.DealCents).AppendValue(r.CostCents).AppendValue(r.Acquired.ToUnixTimeSeconds());
            for (var s = 1; s <= 5; s++)
            {
                row = s <= r.FurthestStage ? row.AppendValue(SyntheticLeads.StageAt(r, index, s).ToUnixTimeSeconds()) : row.AppendNullValue();
            }

            row = r.Outcome == 2 ? row.AppendValue(SyntheticLeads.LostAt(r, index).ToUnixTimeSeconds()) : row.AppendNullValue();
            row.EndRow();
            index++;
        }
    }

    /// <summary>Runs a query whose first column is the channel and reads every other column as doubles (a list column as its
    /// elements in order; null as NaN): per channel, the row's numbers.</summary>
    public double[][] RunNumbers(string sql)
    {
        var result = new double[SyntheticLeads.Channels.Length][];
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var values = new List<double>();
            for (var i = 1; i < reader.FieldCount; i++)
            {
                var v = reader.IsDBNull(i) ? null : reader.GetValue(i);
                switch (v)
                {
                    case null:
                        values.Add(double.NaN);
                        break;
                    case System.Collections.IEnumerable list and not string:
                        foreach (var item in list)
                        {
                            values.Add(item is null ? double.NaN : Convert.ToDouble(item, System.Globalization.CultureInfo.InvariantCulture));
                        }

                        break;
                    case System.Numerics.BigInteger big:
                        values.Add((double)big);
                        break;
                    default:
                        values.Add(Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }
            }

            result[reader.GetInt32(0)] = values.ToArray();
        }

        return result;
    }

    public ChannelSummary Run(string sql)
    {
        var result = new ChannelSummary(SyntheticLeads.Channels.Length);
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var c = reader.GetInt32(0);
            result.Leads[c] = Long(reader, 1);
            result.Won[c] = Long(reader, 2);
            result.Lost[c] = Long(reader, 3);
            result.Deals[c] = Long(reader, 4);
            result.Costs[c] = Long(reader, 5);
            for (var k = 0; k < 6; k++)
            {
                result.Reach[c, k] = Long(reader, 6 + k);
            }
        }

        return result;
    }

    // sum(BIGINT) is a HUGEINT in DuckDB, read as a BigInteger.
    private static long Long(IDataRecord reader, int i) => reader.IsDBNull(i) ? 0 : reader.GetValue(i) switch
    {
        System.Numerics.BigInteger big => (long)big,
        var v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture),
    };

    public void Dispose() => _connection.Dispose();
}

/// <summary>The version a developer would write first: objects in a list, LINQ GroupBy.</summary>
public static class NaiveChannelSummary
{
    public sealed class LeadObject
    {
        public required string Channel { get; init; }
        public int Stage { get; init; }
        public byte Outcome { get; init; }
        public long DealCents { get; init; }
        public long CostCents { get; init; }
    }

    public static List<LeadObject> Load(IEnumerable<SyntheticLeads.Row> rows) =>
        rows.Select(r => new LeadObject { Channel = SyntheticLeads.Channels[r.Channel], Stage = r.FurthestStage, Outcome = r.Outcome, DealCents = r.DealCents, CostCents = r.CostCents }).ToList();

    public static ChannelSummary Run(List<LeadObject> leads)
    {
        var result = new ChannelSummary(SyntheticLeads.Channels.Length);
        foreach (var g in leads.GroupBy(l => l.Channel))
        {
            var c = Array.IndexOf(SyntheticLeads.Channels, g.Key);
            result.Leads[c] = g.Count();
            result.Won[c] = g.Count(l => l.Outcome == 1);
            result.Lost[c] = g.Count(l => l.Outcome == 2);
            result.Deals[c] = g.Sum(l => l.DealCents);
            result.Costs[c] = g.Sum(l => l.CostCents);
            for (var k = 0; k < 6; k++)
            {
                result.Reach[c, k] = g.Count(l => l.Stage >= k);
            }
        }

        return result;
    }
}
