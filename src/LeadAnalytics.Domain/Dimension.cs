namespace LeadAnalytics;

/// <summary>A categorical attribute of a lead by which results can be broken down.</summary>
/// <remarks>
/// Dimension values are plain strings compared ordinally and case-sensitively (<see cref="DimensionKeys.Comparer"/>):
/// <c>SEO</c> and <c>seo</c> are two segments, and Chinese values such as <c>抖音信息流</c> work everywhere.
/// Normalise spelling before analysis (the CSV reader trims whitespace) if two spellings mean one segment.
/// </remarks>
public enum Dimension
{
    /// <summary>Source channel (来源渠道), for example <c>抖音信息流</c>, <c>行业展会</c>, <c>SEO</c>.</summary>
    Channel = 0,

    /// <summary>Promotion strategy (推广策略), for example "Douyin feed - education ads".</summary>
    Strategy = 1,

    /// <summary>Content asset (内容素材), for example "2023 education white paper".</summary>
    Content = 2,

    /// <summary>Customer industry (客户行业).</summary>
    Industry = 3,

    /// <summary>Lead owner (负责人).</summary>
    Owner = 4,

    /// <summary>Customer type (客户类型): business or individual.</summary>
    CustomerType = 5,

    /// <summary>A tag (targeting, campaign, loss reason...). Multi-valued: a lead counts in each of its tags.</summary>
    Tag = 6,
}
