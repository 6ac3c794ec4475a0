namespace LeadAnalytics.Quality;

/// <summary>The fields of the tracking table (DIGEST section 3, plus tags, last activity and currency), in the template's order.
/// Used to name required fields, the field an issue is about, and CSV columns.</summary>
public enum LeadField
{
    /// <summary>线索编号 lead id (<see cref="Lead.Id"/>).</summary>
    Id = 0,

    /// <summary>线索名称 lead name (<see cref="Lead.Name"/>).</summary>
    Name = 1,

    /// <summary>来源渠道 source channel (<see cref="Lead.Channel"/>).</summary>
    Channel = 2,

    /// <summary>推广策略 promotion strategy (<see cref="Lead.Strategy"/>).</summary>
    Strategy = 3,

    /// <summary>内容素材 content asset (<see cref="Lead.Content"/>).</summary>
    Content = 4,

    /// <summary>获取时间 acquired (<see cref="Lead.AcquiredAt"/>).</summary>
    AcquiredAt = 5,

    /// <summary>负责人 owner (<see cref="Lead.Owner"/>).</summary>
    Owner = 6,

    /// <summary>客户类型 customer type (<see cref="Lead.CustomerType"/>).</summary>
    CustomerType = 7,

    /// <summary>客户行业 industry (<see cref="Lead.Industry"/>).</summary>
    Industry = 8,

    /// <summary>初次接触时间 first contact (<see cref="Lead.ContactedAt"/>).</summary>
    ContactedAt = 9,

    /// <summary>需求确认时间 needs confirmed (<see cref="Lead.NeedsConfirmedAt"/>).</summary>
    NeedsConfirmedAt = 10,

    /// <summary>方案提交时间 proposal sent (<see cref="Lead.ProposalSentAt"/>).</summary>
    ProposalSentAt = 11,

    /// <summary>商务谈判时间 negotiation (<see cref="Lead.NegotiationAt"/>).</summary>
    NegotiationAt = 12,

    /// <summary>成交时间 won (<see cref="Lead.WonAt"/>).</summary>
    WonAt = 13,

    /// <summary>流失时间 lost (<see cref="Lead.LostAt"/>).</summary>
    LostAt = 14,

    /// <summary>流失原因 loss reason (<see cref="Lead.LossReason"/>).</summary>
    LossReason = 15,

    /// <summary>成交金额 deal amount (<see cref="Lead.DealAmount"/>).</summary>
    DealAmount = 16,

    /// <summary>获客成本 acquisition cost (<see cref="Lead.AcquisitionCost"/>).</summary>
    AcquisitionCost = 17,

    /// <summary>转化时长 cycle days as recorded by the source (the attribute <see cref="DataQualityOptions.CycleDaysAttribute"/>);
    /// the library derives <see cref="Lead.CycleDays"/> from the timestamps and only checks the recorded value against it.</summary>
    CycleDays = 18,

    /// <summary>备注 notes (<see cref="Lead.Notes"/>).</summary>
    Notes = 19,

    /// <summary>Tags (<see cref="Lead.Tags"/>).</summary>
    Tags = 20,

    /// <summary>Explicit last activity (<see cref="Lead.LastActivityAt"/>).</summary>
    LastActivityAt = 21,

    /// <summary>The ISO 4217 currency of the row's amounts.</summary>
    Currency = 22,
}
