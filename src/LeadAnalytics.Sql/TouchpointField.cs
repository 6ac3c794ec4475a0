namespace LeadAnalytics.Sql;

/// <summary>The fields of a touchpoints table that the push-down reads (the touchpoint CSV's columns).</summary>
internal enum TouchpointField
{
    LeadId = 0,
    OccurredAt = 1,
    Channel = 2,
    Strategy = 3,
    Content = 4,
}
