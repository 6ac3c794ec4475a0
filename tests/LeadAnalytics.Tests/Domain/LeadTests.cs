using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace LeadAnalytics.Tests.Domain;

[Properties(Arbitrary = new[] { typeof(Arbitraries) })]
public class LeadTests
{
    private static readonly DateTimeOffset T0 = new(2023, 10, 1, 14, 30, 0, TimeSpan.FromHours(8));

    private static LeadBuilder Valid() => new() { Id = "20231001001", Channel = "抖音信息流", AcquiredAt = T0 };

    [Property]
    public bool Generated_leads_satisfy_every_invariant(Lead lead) =>
        LeadRules.Validate(lead.ToBuilder()).Count == 0 && !lead.HasChronologyFaults;

    [Property]
    public Property Generated_leads_satisfy_custom_pipelines() =>
        Prop.ForAll(Arb.From(Generators.Pipeline.SelectMany(p => Generators.Lead(p))), lead =>
            LeadRules.Validate(lead.ToBuilder()).Count == 0 && lead.FurthestStageIndex() >= 0);

    [Property]
    public bool Round_trip_through_the_builder_is_equal(Lead lead)
    {
        var copy = lead.ToBuilder().Build();
        return copy.Equals(lead) && copy.GetHashCode() == lead.GetHashCode();
    }

    [Property]
    public bool Outcome_is_derived_from_the_timestamps(Lead lead)
    {
        var expected = lead.WonAt is not null ? Outcome.Won : lead.LostAt is not null ? Outcome.Lost : Outcome.Open;
        var farFuture = lead.AcquiredAt.AddYears(10);
        return lead.Outcome == expected
            && lead.OutcomeAsOf(farFuture) == expected
            && lead.OutcomeAsOf(lead.AcquiredAt.AddTicks(-1)) == Outcome.Open
            && (lead.Outcome != Outcome.Won || lead.FurthestStageIndex() == lead.Pipeline.WonIndex);
    }

    [Property]
    public bool Furthest_stage_as_of_never_decreases_with_time(Lead lead, PositiveInt a, PositiveInt b)
    {
        var early = lead.AcquiredAt.AddHours(Math.Min(a.Get, b.Get));
        var late = lead.AcquiredAt.AddHours(Math.Max(a.Get, b.Get));
        return lead.FurthestStageIndex(early) <= lead.FurthestStageIndex(late) && lead.FurthestStageIndex(late) <= lead.FurthestStageIndex();
    }

    [Fact]
    public void A_later_stage_before_an_earlier_one_names_the_field_and_value()
    {
        var b = Valid();
        b.NeedsConfirmedAt = T0.AddDays(2);
        b.ProposalSentAt = T0.AddDays(1);
        var e = Assert.Throws<ArgumentException>(() => b.Build());
        Assert.Equal("ProposalSentAt", e.ParamName);
        Assert.Contains("StagesOutOfOrder", e.Message, StringComparison.Ordinal);
        Assert.Contains("2023-10-02T14:30:00+08:00", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_before_acquisition_is_rejected_unless_chronology_faults_are_allowed()
    {
        var b = Valid();
        b.WonAt = T0.AddDays(-3);
        b.DealAmount = new Money(50_000m, Currency.CNY);
        var e = Assert.Throws<ArgumentException>(() => b.Build());
        Assert.Equal("WonAt", e.ParamName);
        var lead = b.Build(LeadValidation.AllowChronologyFaults);
        Assert.True(lead.HasChronologyFaults);
        Assert.Equal(Outcome.Won, lead.Outcome);
        Assert.Equal(-3.0, lead.CycleDays);
    }

    [Fact]
    public void Won_and_lost_together_is_never_allowed()
    {
        var b = Valid();
        b.WonAt = T0.AddDays(3);
        b.LostAt = T0.AddDays(4);
        var e = Assert.Throws<ArgumentException>(() => b.Build(LeadValidation.AllowChronologyFaults));
        Assert.Equal("LostAt", e.ParamName);
        Assert.Contains("WonAndLost", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_amounts_are_rejected()
    {
        var b = Valid();
        b.DealAmount = new Money(-1m, Currency.CNY);
        Assert.Equal("DealAmount", Assert.Throws<ArgumentException>(() => b.Build()).ParamName);
        b.DealAmount = null;
        b.AcquisitionCost = new Money(-0.01m, Currency.CNY);
        Assert.Equal("AcquisitionCost", Assert.Throws<ArgumentException>(() => b.Build()).ParamName);
    }

    [Fact]
    public void Missing_id_and_acquisition_are_both_reported()
    {
        var rules = LeadRules.Validate(new LeadBuilder { Channel = "SEO" }).Select(v => v.Rule).ToArray();
        Assert.Equal(new[] { LeadRule.MissingId, LeadRule.MissingAcquiredAt }, rules);
    }

    [Fact]
    public void Lost_before_a_recorded_stage_is_out_of_order()
    {
        var b = Valid();
        b.ProposalSentAt = T0.AddDays(5);
        b.LostAt = T0.AddDays(4);
        var v = Assert.Single(LeadRules.Validate(b));
        Assert.Equal(LeadRule.StagesOutOfOrder, v.Rule);
        Assert.Equal("LostAt", v.Field);
    }

    [Fact]
    public void Unknown_stage_is_reported()
    {
        var b = Valid();
        b.SetStageTime("Demo", T0.AddDays(1));
        var v = Assert.Single(LeadRules.Validate(b));
        Assert.Equal(LeadRule.UnknownStage, v.Rule);
    }

    [Fact]
    public void Skipped_stages_are_allowed_and_the_current_stage_is_the_furthest_recorded()
    {
        var b = Valid();
        b.ProposalSentAt = T0.AddDays(6);
        var lead = b.Build();
        Assert.Equal(Pipeline.ProposalSent, lead.CurrentStage.Name);
        Assert.Null(lead.ContactedAt);
        Assert.Equal(Outcome.Open, lead.Outcome);
        Assert.Null(lead.CycleDays);
        Assert.Equal(new[] { Pipeline.Acquired, Pipeline.ProposalSent }, lead.StageTimes.Select(s => s.Stage));
    }

    [Fact]
    public void Stale_follows_the_template_rule_of_30_days_without_activity()
    {
        var b = Valid();
        b.ContactedAt = T0.AddDays(2);
        b.FollowUps.Add(new FollowUp(T0.AddDays(10), FollowUpKind.Call, "回访"));
        var lead = b.Build();
        Assert.Equal(T0.AddDays(10), lead.LatestActivityAt());
        Assert.False(lead.IsStale(T0.AddDays(39), TimeSpan.FromDays(30)));
        Assert.True(lead.IsStale(T0.AddDays(40), TimeSpan.FromDays(30)));
        Assert.False(lead.IsStale(T0.AddDays(400), TimeSpan.Zero));
        // As of day 5 the follow-up has not happened yet: last activity is the contact.
        Assert.Equal(T0.AddDays(2), lead.LatestActivityAt(T0.AddDays(5)));
    }

    [Fact]
    public void Text_is_trimmed_blank_becomes_null_and_tags_are_deduplicated()
    {
        var b = Valid();
        b.Industry = "  教育 ";
        b.Owner = "   ";
        b.Tags.Add("budget"); b.Tags.Add(" budget "); b.Tags.Add(""); b.Tags.Add("Budget");
        var lead = b.Build();
        Assert.Equal("教育", lead.Industry);
        Assert.Null(lead.Owner);
        Assert.Equal(new[] { "budget", "Budget" }, lead.Tags);
        Assert.Equal("抖音信息流", lead.GetDimension(Dimension.Channel));
        Assert.Throws<ArgumentException>(() => lead.GetDimension(Dimension.Tag));
    }

    [Fact]
    public void Custom_pipelines_map_won_to_their_last_stage()
    {
        var p = new Pipeline("Retail", new[] { new Stage("Visit"), new Stage("Trial"), new Stage("Paid") });
        var b = new LeadBuilder { Pipeline = p, Id = "x", AcquiredAt = T0 };
        b.SetStageTime("Trial", T0.AddDays(1)).SetStageTime("Paid", T0.AddDays(2));
        var lead = b.Build();
        Assert.Equal(T0.AddDays(2), lead.WonAt);
        Assert.Equal(Outcome.Won, lead.Outcome);
        Assert.Equal(2.0, lead.CycleDays);
        Assert.Null(lead.ContactedAt);
    }

    [Fact]
    public void Pipelines_reject_duplicate_names_and_too_few_stages()
    {
        Assert.Throws<ArgumentException>(() => new Pipeline("p", new[] { new Stage("A") }));
        Assert.Throws<ArgumentException>(() => new Pipeline("p", new[] { new Stage("A"), new Stage("A") }));
        Assert.Equal(6, Pipeline.Default.Count);
        Assert.Equal(3, Pipeline.Default.IndexOf(Pipeline.ProposalSent));
        Assert.Equal(-1, Pipeline.Default.IndexOf("Lost"));
    }

    [Fact]
    public void Cost_entries_validate_their_period_and_amount()
    {
        var start = new DateTimeOffset(2023, 10, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var c = new CostEntry(CostScope.Channel, "SEO", start, start.AddMonths(1), new Money(3000m, Currency.CNY), 10_000, 300);
        Assert.Equal(TimeSpan.FromDays(31), c.Duration);
        Assert.Throws<ArgumentException>(() => new CostEntry(CostScope.Channel, "SEO", start, start, new Money(1m, Currency.CNY)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CostEntry(CostScope.Channel, "SEO", start, start.AddDays(1), new Money(-1m, Currency.CNY)));
        Assert.Throws<ArgumentException>(() => new CostEntry(CostScope.Channel, " ", start, start.AddDays(1), new Money(1m, Currency.CNY)));
    }

    [Fact]
    public void Touchpoints_require_a_journey_and_a_channel()
    {
        var t = new Touchpoint("L1", T0, "SEO", milestones: CrmMilestones.FirstTouch | CrmMilestones.LeadCreated);
        Assert.True(t.Milestones.HasFlag(CrmMilestones.LeadCreated));
        Assert.Null(t.Strategy);
        Assert.Throws<ArgumentException>(() => new Touchpoint("", T0, "SEO"));
        Assert.Equal(t, new Touchpoint("L1", T0, "SEO", null, "", CrmMilestones.FirstTouch | CrmMilestones.LeadCreated));
    }
}
