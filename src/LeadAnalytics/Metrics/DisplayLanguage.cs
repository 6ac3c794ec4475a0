namespace LeadAnalytics.Metrics;

/// <summary>The language of what people read: metric names, headings, statuses, findings.</summary>
public enum DisplayLanguage
{
    /// <summary>English (the default).</summary>
    English = 0,

    /// <summary>Simplified Chinese (zh-CN): the template's own terms.</summary>
    Chinese = 1,
}
