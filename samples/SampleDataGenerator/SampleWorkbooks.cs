using System.Globalization;
using LeadAnalytics.Excel;

/// <summary>samples/data/leads.xlsx, costs.xlsx and actions.xlsx: the CSV files' data as a team keeps it in Excel or WPS.
/// The template's Chinese headers; dates as date cells (Excel stores them as serial numbers with a date format); money
/// as numbers, except deal amounts that are multiples of 200, written as text in 万 ("5.86万") as people type them; ids and everything else as
/// text. Reading a workbook gives the same records as reading its CSV file (tests/LeadAnalytics.Cli.Tests checks the
/// segments JSON).</summary>
internal static class SampleWorkbooks
{
    private static readonly Dictionary<string, string> LeadHeaders = new(StringComparer.Ordinal)
    {
        ["lead_id"] = "线索编号", ["lead_name"] = "线索名称", ["channel"] = "来源渠道", ["strategy"] = "推广策略", ["content"] = "内容素材",
        ["acquired_at"] = "获取时间", ["owner"] = "负责人", ["customer_type"] = "客户类型", ["industry"] = "客户行业",
        ["contacted_at"] = "初次接触时间", ["needs_confirmed_at"] = "需求确认时间", ["proposal_at"] = "方案提交时间",
        ["negotiation_at"] = "商务谈判时间", ["won_at"] = "成交时间", ["lost_at"] = "流失时间", ["loss_reason"] = "流失原因",
        ["deal_amount"] = "成交金额(元)", ["acquisition_cost"] = "获客成本(元)", ["cycle_days"] = "转化时长(天)", ["tags"] = "标签",
        ["last_activity_at"] = "最后活动时间", ["currency"] = "币种", ["notes"] = "备注",
    };

    private static readonly Dictionary<string, string> CostHeaders = new(StringComparer.Ordinal)
    {
        ["scope"] = "范围", ["key"] = "名称", ["period_start"] = "开始日期", ["period_end"] = "结束日期", ["amount"] = "金额",
        ["currency"] = "币种", ["impressions"] = "展现量", ["clicks"] = "点击量",
    };

    private static readonly Dictionary<string, string> ActionHeaders = new(StringComparer.Ordinal)
    {
        ["action_id"] = "行动编号", ["finding"] = "分析结论", ["action"] = "优化行动", ["owner"] = "负责人", ["start_date"] = "开始日期",
        ["due_date"] = "截止日期", ["metric"] = "跟踪指标", ["baseline"] = "基线", ["notes"] = "备注",
    };

    private static readonly string[] Numbers = { "deal_amount", "acquisition_cost", "cycle_days", "amount", "impressions", "clicks" };

    public static void Write(string outDir, GeneratedData data)
    {
        WorkbookWriter.Write(Path.Combine(outDir, "leads.xlsx"), new[] { Sheet("线索", data.Leads, LeadHeaders) });
        WorkbookWriter.Write(Path.Combine(outDir, "costs.xlsx"), new[] { Sheet("成本", data.Costs, CostHeaders) });
        WorkbookWriter.Write(Path.Combine(outDir, "actions.xlsx"), new[] { Sheet("优化行动", data.Actions, ActionHeaders) });
    }

    private static WorkbookSheet Sheet(string name, string csv, Dictionary<string, string> chinese)
    {
        var lines = csv.Split('\n').Where(l => l.Length > 0).Select(l => l.TrimEnd('\r')).ToList();
        // The generator writes no quoted field; a quote here would mean the split below is wrong.
        if (lines.Any(l => l.Contains('"')))
        {
            throw new InvalidOperationException($"{name}: the generated CSV has a quoted field; split it with a CSV reader.");
        }

        var headers = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => (IReadOnlyList<object?>)l.Split(',').Select((cell, i) => Cell(headers[i], cell)).ToArray());
        return new WorkbookSheet(name, headers.Select(h => chinese[h]).ToArray(), rows);
    }

    private static object? Cell(string header, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, new[] { "yyyy-MM-dd HH:mm", "yyyy-MM-dd" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (Array.IndexOf(Numbers, header) >= 0 && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            // About half the deal amounts (multiples of 200) as people type them in 万: 5.86万.
            return header == "deal_amount" && number % 200m == 0 ? (number / 10_000m).ToString("0.####", CultureInfo.InvariantCulture) + "万" : number;
        }

        return text;
    }
}
