using LeadAnalytics.Attribution;
using static LeadAnalytics.Tests.Attribution.LeadJourneyTests;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>
/// U-shaped, W-shaped and full-path models on CRM journeys. Rule for a missing milestone: its share goes to the milestones that
/// are present, in proportion to their shares; the rest share stays with the other touches (and also goes to the present
/// milestones when there is no other touch). The first-touch milestone falls back to the journey's first touch.
/// </summary>
public class MilestoneModelTests
{
    private const CrmMilestones First = CrmMilestones.FirstTouch;
    private const CrmMilestones Lead = CrmMilestones.LeadCreated;
    private const CrmMilestones Deal = CrmMilestones.DealCreated;
    private const CrmMilestones Closed = CrmMilestones.ClosedWon;

    private static AttributionResult Run(AttributionModel model, params Touchpoint[] touches) =>
        AttributionAnalyzer.Analyze(AttributionJourneys.FromLeads(new[] { WonLead("L1", 1000.00m) }, touches), new AttributionOptions { Model = model });

    // seo (first touch), email (lead created), webinar, demo (deal created), call, contract (closed won).
    private static readonly Touchpoint[] Complete =
    {
        Touch("L1", 30, "seo", milestones: First), Touch("L1", 20, "email", milestones: Lead), Touch("L1", 15, "webinar"),
        Touch("L1", 10, "demo", milestones: Deal), Touch("L1", 5, "call"), Touch("L1", 0, "contract", milestones: Closed),
    };

    [Fact]
    public void U_shaped_40_40_20()
    {
        // seo .4, email .4; the other four touches share .2: .05 each.
        AttributionAssert.Credits(Run(AttributionModel.UShaped, Complete),
            ("call", 0.05, 50m), ("contract", 0.05, 50m), ("demo", 0.05, 50m), ("email", 0.4, 400m), ("seo", 0.4, 400m), ("webinar", 0.05, 50m));
    }

    [Fact]
    public void W_shaped_30_30_30_10()
    {
        // seo, email, demo .3 each; webinar, call, contract share .1: 1/30 each = 33.333... -> 3333 cents x 3 + 90000 = 99999;
        // the leftover cent goes to the tied key first in ordinal order: call.
        AttributionAssert.Credits(Run(AttributionModel.WShaped, Complete),
            ("call", 0.1 / 3, 33.34m), ("contract", 0.1 / 3, 33.33m), ("demo", 0.3, 300m), ("email", 0.3, 300m), ("seo", 0.3, 300m), ("webinar", 0.1 / 3, 33.33m));
    }

    [Fact]
    public void Full_path_22_5_times_4_and_10()
    {
        // seo, email, demo, contract .225 each; webinar and call .05 each.
        AttributionAssert.Credits(Run(AttributionModel.FullPath, Complete),
            ("call", 0.05, 50m), ("contract", 0.225, 225m), ("demo", 0.225, 225m), ("email", 0.225, 225m), ("seo", 0.225, 225m), ("webinar", 0.05, 50m));
    }

    private static readonly Touchpoint[] NoDeal =
    {
        Touch("L1", 30, "seo", milestones: First), Touch("L1", 20, "email", milestones: Lead), Touch("L1", 5, "call"),
        Touch("L1", 0, "contract", milestones: Closed),
    };

    [Fact]
    public void A_missing_milestone_share_goes_to_the_present_milestones_in_proportion()
    {
        // W: deal created missing -> its .3 splits .15/.15 over seo and email: .45 each; call and contract keep .1: .05 each.
        AttributionAssert.Credits(Run(AttributionModel.WShaped, NoDeal), ("call", 0.05, 50m), ("contract", 0.05, 50m), ("email", 0.45, 450m), ("seo", 0.45, 450m));

        // Full path: deal created missing -> .225 splits in thirds over seo, email, contract: .3 each; call keeps .1.
        AttributionAssert.Credits(Run(AttributionModel.FullPath, NoDeal), ("call", 0.1, 100m), ("contract", 0.3, 300m), ("email", 0.3, 300m), ("seo", 0.3, 300m));

        // U: both milestones present; call and contract share .2.
        AttributionAssert.Credits(Run(AttributionModel.UShaped, NoDeal), ("call", 0.1, 100m), ("contract", 0.1, 100m), ("email", 0.4, 400m), ("seo", 0.4, 400m));
    }

    [Fact]
    public void Without_flags_the_first_touch_is_the_first_touch_milestone()
    {
        // No flags: first touch -> a (fallback); lead created missing -> its .4 goes to a: .8; b and c share .2.
        var touches = new[] { Touch("L1", 3, "a"), Touch("L1", 2, "b"), Touch("L1", 1, "c") };
        AttributionAssert.Credits(Run(AttributionModel.UShaped, touches), ("a", 0.8, 800m), ("b", 0.1, 100m), ("c", 0.1, 100m));
    }

    [Fact]
    public void A_touch_holding_several_milestones_gets_each_share()
    {
        // seo is first touch and lead created: .4 + .4; email and call share .2.
        var touches = new[] { Touch("L1", 3, "seo", milestones: First | Lead), Touch("L1", 2, "email"), Touch("L1", 1, "call") };
        AttributionAssert.Credits(Run(AttributionModel.UShaped, touches), ("call", 0.1, 100m), ("email", 0.1, 100m), ("seo", 0.8, 800m));
    }

    [Fact]
    public void With_no_other_touch_the_rest_share_goes_to_the_milestones()
    {
        // One touch: everything. Two touches holding the two U milestones: the .2 rest splits .1/.1 -> .5 each.
        AttributionAssert.Credits(Run(AttributionModel.WShaped, Touch("L1", 1, "seo")), ("seo", 1, 1000m));
        AttributionAssert.Credits(Run(AttributionModel.UShaped, Touch("L1", 2, "seo", milestones: First), Touch("L1", 1, "form", milestones: Lead)), ("form", 0.5, 500m), ("seo", 0.5, 500m));
    }

    [Fact]
    public void The_earliest_flagged_touch_holds_a_milestone_and_later_flags_count_as_other_touches()
    {
        // Two lead-created flags: the earlier (form) holds it; the later (chat) is an ordinary touch sharing .2 with demo.
        var touches = new[] { Touch("L1", 4, "seo", milestones: First), Touch("L1", 3, "form", milestones: Lead), Touch("L1", 2, "chat", milestones: Lead), Touch("L1", 1, "demo") };
        AttributionAssert.Credits(Run(AttributionModel.UShaped, touches), ("chat", 0.1, 100m), ("demo", 0.1, 100m), ("form", 0.4, 400m), ("seo", 0.4, 400m));
    }
}
