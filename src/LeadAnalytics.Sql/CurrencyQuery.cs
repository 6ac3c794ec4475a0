using System.Data.Common;
using System.Text;
using LeadAnalytics.Quality;

namespace LeadAnalytics.Sql;

/// <summary>
/// The one currency of a table's amounts, decided as a LeadTable decides it: every amount (deal or cost) of every lead must
/// be in the same currency, else the analysis is refused with <see cref="CurrencyMismatchException"/>; a table without any
/// amount has <see cref="Currency.None"/>. The reply is at most five rows.
/// </summary>
internal static class CurrencyQuery
{
    // Each row: a currency code of some amount, and whether it is that of a won lead's deal amount (attribution's currency is
    // that of the conversion values, Currency.None without any, but every amount must still be in one currency, as
    // AttributionJourneys.FromLeads builds a LeadTable of all of them). A currency has at most four rows (its code and, for
    // the default currency, an empty code; each with won 0 and 1), so five rows show whether there are two currencies.
    internal static SqlCommandText Build(SqlDialect dialect, SqlTableName table, SourceColumns columns)
    {
        var command = new SqlCommandText(dialect);
        var deal = columns.Quoted(LeadField.DealAmount);
        var cost = columns.Quoted(LeadField.AcquisitionCost);
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

        var wonDeal = deal is not null && columns.Quoted(LeadField.WonAt) is { } w ? "CASE WHEN " + w + " IS NOT NULL AND " + deal + " IS NOT NULL THEN 1 ELSE 0 END" : "0";
        var sql = new StringBuilder("SELECT DISTINCT ").Append(code).Append(" AS code, ").Append(wonDeal).Append(" AS won FROM ").Append(table.Quoted(dialect));
        sql.Append(" WHERE ").Append(amounts.Count == 0 ? "1 = 0" : "(" + string.Join(" OR ", amounts) + ")");
        if (acquired is not null)
        {
            sql.Append(" AND ").Append(acquired).Append(" IS NOT NULL");
        }

        command.Text = sql.Append(" LIMIT 5").ToString();
        return command;
    }

    // wonDeals: the currency of the won leads' deal amounts (Currency.None when none has one) rather than of all amounts.
    internal static Currency Read(DbDataReader reader, Currency fallback, bool wonDeals = false)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var won = false;
        while (reader.Read())
        {
            found.Add(reader.IsDBNull(0) ? fallback.Code : reader.GetString(0));
            won |= Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }

        if (found.Count == 0)
        {
            return Currency.None;
        }

        var currencies = found.Select(Parse).Distinct().ToArray();
        if (currencies.Length > 1)
        {
            throw new CurrencyMismatchException(currencies[0], currencies[1]);
        }

        return wonDeals && !won ? Currency.None : currencies[0];
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
