using LeadAnalytics.Quality;

namespace LeadAnalytics.Csv;

/// <summary>The tracking table's column names: English snake_case, the template's Simplified Chinese and their Traditional forms.
/// The first English, Simplified and Traditional name of each field is what the writer writes.</summary>
internal static class TrackingTableHeaders
{
    internal static readonly (LeadField Field, string English, string Simplified, string Traditional, string[] More)[] Columns =
    {
        (LeadField.Id, "lead_id", "线索编号", "線索編號", new[] { "id", "线索ID", "線索ID" }),
        (LeadField.Name, "lead_name", "线索名称", "線索名稱", new[] { "name" }),
        (LeadField.Channel, "channel", "来源渠道", "來源渠道", new[] { "source", "source_channel", "渠道" }),
        (LeadField.Strategy, "strategy", "推广策略", "推廣策略", new[] { "promotion_strategy" }),
        (LeadField.Content, "content", "内容素材", "內容素材", new[] { "content_asset" }),
        (LeadField.AcquiredAt, "acquired_at", "获取时间", "獲取時間", new[] { "acquired", "acquired_time" }),
        (LeadField.Owner, "owner", "负责人", "負責人", Array.Empty<string>()),
        (LeadField.CustomerType, "customer_type", "客户类型", "客戶類型", Array.Empty<string>()),
        (LeadField.Industry, "industry", "客户行业", "客戶行業", new[] { "行业", "行業" }),
        (LeadField.ContactedAt, "contacted_at", "初次接触时间", "初次接觸時間", new[] { "first_contact_at" }),
        (LeadField.NeedsConfirmedAt, "needs_confirmed_at", "需求确认时间", "需求確認時間", Array.Empty<string>()),
        (LeadField.ProposalSentAt, "proposal_at", "方案提交时间", "方案提交時間", new[] { "proposal_sent_at" }),
        (LeadField.NegotiationAt, "negotiation_at", "商务谈判时间", "商務談判時間", Array.Empty<string>()),
        (LeadField.WonAt, "won_at", "成交时间", "成交時間", Array.Empty<string>()),
        (LeadField.LostAt, "lost_at", "流失时间", "流失時間", Array.Empty<string>()),
        (LeadField.LossReason, "loss_reason", "流失原因", "流失原因", Array.Empty<string>()),
        (LeadField.DealAmount, "deal_amount", "成交金额(元)", "成交金額(元)", Array.Empty<string>()),
        (LeadField.AcquisitionCost, "acquisition_cost", "获客成本(元)", "獲客成本(元)", Array.Empty<string>()),
        (LeadField.CycleDays, "cycle_days", "转化时长(天)", "轉化時長(天)", Array.Empty<string>()),
        (LeadField.Notes, "notes", "备注", "備註", new[] { "note", "備注" }),
        (LeadField.Tags, "tags", "标签", "標籤", new[] { "tag" }),
        (LeadField.LastActivityAt, "last_activity_at", "最后活动时间", "最後活動時間", Array.Empty<string>()),
        (LeadField.Currency, "currency", "币种", "幣種", new[] { "货币", "貨幣" }),
    };

    internal static readonly Dictionary<string, LeadField> Aliases =
        HeaderNames.Table(Columns.Select(c => (c.Field, new[] { c.English, c.Simplified, c.Traditional }.Concat(c.More).ToArray())).ToArray());

    internal static string NameOf(LeadField field, CsvHeaderLanguage language)
    {
        foreach (var c in Columns)
        {
            if (c.Field == field)
            {
                return language switch
                {
                    CsvHeaderLanguage.SimplifiedChinese => c.Simplified,
                    CsvHeaderLanguage.TraditionalChinese => c.Traditional,
                    _ => c.English,
                };
            }
        }

        throw new ArgumentOutOfRangeException(nameof(field), field, "Not a tracking-table field.");
    }

    /// <summary>Separators between tags in one cell.</summary>
    internal static readonly char[] TagSeparators = { ';', '；', '|', '、', ',', '，' };
}

/// <summary>The language of the header row the writer writes.</summary>
public enum CsvHeaderLanguage
{
    /// <summary>English snake_case: <c>lead_id</c>, <c>channel</c>, <c>acquired_at</c>...</summary>
    English = 0,

    /// <summary>The template's Simplified Chinese: 线索编号, 来源渠道, 获取时间... with unit suffixes (成交金额(元)).</summary>
    SimplifiedChinese = 1,

    /// <summary>Traditional Chinese: 線索編號, 來源渠道, 獲取時間...</summary>
    TraditionalChinese = 2,
}
