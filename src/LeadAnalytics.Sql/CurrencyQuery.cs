using System.Data.Common;
using System.Text;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Sql;

/// <summary>
/// The one currency of a table's amounts, decided as a LeadTable decides it: every amount (deal or cost) of every lead must
/// be in the same currency, else the analysis is refused with <see cref="CurrencyMismatchException"/>; a table without any
/// amount has <see cref="Currency.None"/>. The reply is one row per distinct currency code (a handful).
/// </summary>
internal static class CurrencyQuery
{
    // wonDeals: only the deal amounts of leads with a won instant (attribution's rule: the currency of the conversion values).
    internal static SqlCommandText Build(SqlDialect dialect, SqlTableName table, SourceColumns columns, bool wonDeals = false)
    {
        var command = new SqlCommandText(dialect);
        var deal = columns.Quoted(LeadField.DealAmount);
        var cost = wonDeals ? null : columns.Quoted(LeadField.AcquisitionCost);
        var acquired = columns.Quoted(LeadField.AcquiredAt);
        var code = columns.Quoted(LeadField.Currency) is { } c ? "UPPER(NULLIF(TRIM(" + dialect.Text(c) + "), ''))" : dialect.NullText;
        var amounts = new List<string>();
        foreach (var column in new[] { deal, cost })
        {
            if (column is not null)
            {
                amounts.Add(column + " IS NOT NULL");
            }
        }

        var sql = new StringBuilder("SELECT DISTINCT ").Append(code).Append(" AS code FROM ").Append(table.Quoted(dialect));
        sql.Append(" WHERE ").Append(amounts.Count == 0 ? "1 = 0" : "(" + string.Join(" OR ", amounts) + ")");
        if (wonDeals)
        {
            sql.Append(" AND ").Append(columns.Quoted(LeadField.WonAt) is { } w ? w + " IS NOT NULL" : "1 = 0");
        }

        if (acquired is not null)
        {
            sql.Append(" AND ").Append(acquired).Append(" IS NOT NULL");
        }

        command.Text = sql.Append(" LIMIT 3").ToString();
        return command;
    }

    internal static Currency Read(DbDataReader reader, Currency fallback)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            found.Add(reader.IsDBNull(0) ? fallback.Code : reader.GetString(0));
        }

        if (found.Count == 0)
        {
            return Currency.None;
        }

        var currencies = found.Select(Parse).ToArray();
        if (currencies.Length > 1)
        {
            throw new CurrencyMismatchException(currencies[0], currencies[1]);
        }

        return currencies[0];
    }

    private static Currency Parse(string code)
    {
        try
        {
            return Currency.FromCode(code);
        }
        catch (ArgumentException e)
        {
            throw new SqlSourceException($"The currency column holds '{code}', which is not an ISO 4217 code: {e.Message}");
        }
    }
}
