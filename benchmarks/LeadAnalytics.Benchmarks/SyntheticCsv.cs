using System.Globalization;
using System.Text;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// Writes the synthetic leads of <see cref="SyntheticLeads"/> as a tracking table in the template's own shape: English
/// headers, local times as <c>2023-10-01 14:30</c> (steps of 1 to 96 hours to the minute), amounts in yuan with two decimals, and the descriptive columns a real
/// export carries (strategy, content, owner, customer type, industry, loss reason).
/// </summary>
public static class SyntheticCsv
{
    public const string Header =
        "lead_id,channel,strategy,content,acquired_at,owner,customer_type,industry,contacted_at,needs_confirmed_at,proposal_at,negotiation_at,won_at,lost_at,loss_reason,deal_amount,acquisition_cost";

    public static readonly string[] LossReasons = { "预算不足", "选择竞品", "无决策权", "需求变更", "联系不上", "价格" };
    public static readonly string[] Industries = { "教育", "医疗", "制造", "零售", "金融", "互联网", "物流", "地产", "能源", "政府" };

    /// <summary>Writes <paramref name="count"/> rows to a file (UTF-8) unless it already exists with that many rows. The name
    /// carries the data's version: v2 since step times spread to the minute (<see cref="SyntheticLeads.StageAt"/>); files of
    /// the earlier version (every step 30 hours) are named without it.</summary>
    public static string Ensure(string directory, int count, int seed = 42)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"leads-{count}-{seed}-v2.csv");
        if (!File.Exists(path))
        {
            var temp = path + ".tmp";
            using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 20))
            {
                Write(writer, count, seed);
            }

            File.Move(temp, path, overwrite: true);
        }

        return path;
    }

    public static void Write(TextWriter writer, int count, int seed = 42)
    {
        writer.Write(Header);
        writer.Write('\n');
        var i = 0;
        var line = new StringBuilder(256);
        foreach (var row in SyntheticLeads.Rows(count, seed))
        {
            line.Clear();
            AppendRow(line, row, i++);
            writer.Write(line);
        }
    }

    internal static void AppendRow(StringBuilder line, in SyntheticLeads.Row row, int index)
    {
        var inv = CultureInfo.InvariantCulture;
        line.Append('L').Append(index.ToString(inv)).Append(',');
        line.Append(SyntheticLeads.Channels[row.Channel]).Append(',');
        line.Append(SyntheticLeads.StrategyOf(row, index)).Append(',');
        line.Append(SyntheticLeads.ContentOf(row, index)).Append(',');
        Instant(line, row.Acquired);
        line.Append(',').Append(SyntheticLeads.OwnerOf(index)).Append(',');
        line.Append(SyntheticLeads.CustomerTypeOf(index)).Append(',');
        line.Append(SyntheticLeads.IndustryOf(index)).Append(',');
        for (var s = 1; s <= 5; s++)
        {
            if (s <= row.FurthestStage)
            {
                Instant(line, SyntheticLeads.StageAt(row, index, s));
            }

            line.Append(',');
        }

        if (row.Outcome == 2)
        {
            Instant(line, SyntheticLeads.LostAt(row, index));
            line.Append(',').Append(SyntheticLeads.LossReasonOf(index));
        }
        else
        {
            line.Append(',');
        }

        line.Append(',');
        if (row.Outcome == 1)
        {
            Cents(line, row.DealCents);
        }

        line.Append(',');
        Cents(line, row.CostCents);
        line.Append('\n');
    }

    private static void Instant(StringBuilder line, DateTimeOffset t) =>
        line.Append(t.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    private static void Cents(StringBuilder line, long cents) =>
        line.Append((cents / 100).ToString(CultureInfo.InvariantCulture)).Append('.').Append((cents % 100).ToString("00", CultureInfo.InvariantCulture));
}
