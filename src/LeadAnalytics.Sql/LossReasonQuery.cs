using System.Data.Common;
using System.Text;
using LeadAnalytics.Data;
using LeadAnalytics.LossReasons;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Sql;

/// <summary>
/// The loss-reason analysis's sufficient statistics as one GROUP BY query over the common per-lead head: the lost and stale
/// leads in scope counted by segment keys × furthest stage × class (lost or stale, as <c>Data/OutcomeClassifier</c> decides
/// it) × recorded reason × channel (the channel prices a loss), and per channel the won leads with a deal amount and their
/// exact minor-unit sum; everything else collapses into one row per class. The recorded reasons come back as stored
/// (trimmed text) and are normalised in process by the engine's own rule (<c>LossReasonAnalyzer.ReasonLabeler</c>: trim,
/// case fold, synonyms), so SQL's and .NET's case mappings never have to agree.
/// </summary>
internal static class LossReasonQuery
{
    internal static SqlCommandText Build(SqlDialect dialect, SourceColumns columns, SqlTableName table, IReadOnlyList<Dimension> dimensions, long asOfSeconds,
        AnalysisScope scope, int minorUnits)
    {
        var command = new SqlCommandText(dialect);
        var asOf = command.Bind("asof", asOfSeconds);
        var sql = new StringBuilder();
        var d0 = dimensions.Count > 0 ? columns.Text(FunnelQuery.FieldOf(dimensions[0])) : dialect.NullText;
        var d1 = dimensions.Count > 1 ? columns.Text(FunnelQuery.FieldOf(dimensions[1])) : dialect.NullText;
        LeadRowsSql.Append(sql, dialect, table, columns, command, d0, d1, asOf, asOfSeconds, scope.Period, LeadTable.StaleSeconds(scope.StaleAfter), new[]
        {
            (columns.Amount(LeadField.DealAmount, minorUnits), "deal"),
            (columns.Text(LeadField.LossReason), "reason"),
            (columns.Text(LeadField.Channel), "ch"),
        });

        var won = LeadRowsSql.N(LeadRowsSql.Won);
        var lost = LeadRowsSql.N(LeadRowsSql.Lost);
        var stale = LeadRowsSql.N(LeadRowsSql.Stale);
        var open = LeadRowsSql.N(LeadRowsSql.Open);
        var gone = "stage >= 0 AND state IN (" + lost + ", " + stale + ")";

        // seg0, seg1, stage (-1 outside the scope, 0 for won and open leads), class (-1 outside), reason, channel, n, won deals, their sum.
        sql.Append(" SELECT CASE WHEN ").Append(gone).Append(" THEN d0 END AS g0, CASE WHEN ").Append(gone).Append(" THEN d1 END AS g1, ")
            .Append("CAST(CASE WHEN stage < 0 THEN -1 WHEN state IN (").Append(lost).Append(", ").Append(stale).Append(") THEN stage ELSE 0 END AS BIGINT) AS a, ")
            .Append("CAST(CASE WHEN stage < 0 THEN -1 ELSE state END AS BIGINT) AS b, ")
            .Append("CASE WHEN stage >= 0 AND state = ").Append(lost).Append(" THEN reason END AS why, ")
            .Append("CASE WHEN stage >= 0 AND state <> ").Append(open).Append(" THEN ch END AS chan, ")
            .Append("CAST(COUNT(*) AS BIGINT) AS n, ")
            .Append("CAST(COUNT(CASE WHEN stage >= 0 AND state = ").Append(won).Append(" THEN deal END) AS BIGINT) AS with_amount, ")
            .Append("CAST(SUM(CASE WHEN stage >= 0 AND state = ").Append(won).Append(" THEN deal END) AS DECIMAL(38, 0)) AS revenue ")
            .Append("FROM c GROUP BY 1, 2, 3, 4, 5, 6");
        command.Text = sql.ToString();
        return command;
    }

    /// <summary>Reads the reply into the engine's partial.</summary>
    internal static LossReasonPartition Read(DbDataReader reader, IReadOnlyList<Dimension> dimensions, DateTimeOffset asOf, LossReasonOptions options, Currency currency)
    {
        var labelOf = LossReasonAnalyzer.ReasonLabeler(options);
        var staleAsLost = options.Scope.StaleCountsAsLost;
        var cells = new Dictionary<LossCell, long>();
        var won = new Dictionary<ChannelKey, WonDeals>();
        long rows = 0;
        long staleLeads = 0;
        while (reader.Read())
        {
            var state = reader.GetInt64(3);
            var n = reader.GetInt64(6);
            rows += n;
            var channel = reader.IsDBNull(5) ? null : reader.GetString(5);
            int kind;
            string reason;
            switch (state)
            {
                case LeadRowsSql.Won:
                    var withAmount = reader.GetInt64(7);
                    if (withAmount > 0)
                    {
                        var deals = new WonDeals(withAmount, EffectivenessQuery.Minor(reader, 8));
                        var key = new ChannelKey(channel);
                        won[key] = won.TryGetValue(key, out var earlier) ? earlier.Add(deals) : deals;
                    }

                    continue;
                case LeadRowsSql.Lost:
                    reason = reader.IsDBNull(4) ? string.Empty : labelOf(reader.GetString(4));
                    kind = reason.Length == 0 ? LossCell.NoReason : LossCell.Recorded;
                    if (kind == LossCell.NoReason)
                    {
                        reason = DimensionKeys.Missing;
                    }

                    break;
                case LeadRowsSql.Stale:
                    staleLeads += n;
                    if (!staleAsLost)
                    {
                        continue;
                    }

                    kind = LossCell.StaleReason;
                    reason = LossReasonAnalyzer.StaleReason;
                    break;
                default:
                    continue; // open, or outside the scope
            }

            var stage = (int)reader.GetInt64(2);
            Add(cells, new LossCell(null, stage, kind, reason, channel), n);
            if (dimensions.Count > 0)
            {
                var first = reader.IsDBNull(0) ? null : reader.GetString(0);
                var segment = dimensions.Count == 1
                    ? SegmentKey.Of(dimensions[0], first)
                    : new SegmentKey(dimensions, new[] { first, reader.IsDBNull(1) ? null : reader.GetString(1) });
                Add(cells, new LossCell(segment, -1, kind, reason, channel), n);
            }
        }

        var stages = Pipeline.Default.Stages.Select(s => s.Name).ToArray();
        return new LossReasonPartition(stages, asOf, options, currency, rows, staleLeads, cells, won);
    }

    private static void Add(Dictionary<LossCell, long> cells, LossCell cell, long n) => cells[cell] = cells.TryGetValue(cell, out var m) ? m + n : n;
}
