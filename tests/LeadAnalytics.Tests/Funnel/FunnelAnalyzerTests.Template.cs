using LeadAnalytics.Data;
using LeadAnalytics.Funnel;
using static LeadAnalytics.Tests.Funnel.FunnelTestData;

namespace LeadAnalytics.Tests.Funnel;

// The template's funnel example (DIGEST section 2, step 5.2): acquired -> contact 10%, contact -> needs 40%,
// needs -> proposal 20% drop-off; then 25% and 25% so that needs discovery stays the biggest leak.
// Reference values: TestData/Funnel/template_funnel.R.
public partial class FunnelAnalyzerTests
{
    private static Lead[] TemplateLeads(int openAtNeeds)
    {
        // Leads lost at each stage 0..4, then won; each stage one day after the previous, lost a day after the last stage.
        var lostAt = new[] { 100, 360, 108, 108, 81 };
        var leads = new List<Lead>();
        var n = 0;
        for (var s = 0; s <= 5; s++)
        {
            var count = s < 5 ? lostAt[s] : 243;
            for (var i = 0; i < count; i++)
            {
                var start = (n++ % 20) * 0.5;
                double? At(int stage) => s >= stage ? start + stage : null;
                leads.Add(Lead(
                    "T" + n, acquired: start, contacted: At(1), needs: At(2), proposal: At(3), negotiation: At(4), won: At(5),
                    lost: s < 5 ? start + s + 1 : null));
            }
        }

        for (var i = 0; i < openAtNeeds; i++)
        {
            leads.Add(Lead("O" + i, acquired: 1, contacted: 2, needs: 3, followUps: new double[] { 55 }));
        }

        return leads.ToArray();
    }

    [Fact]
    public void The_template_example_gives_drop_offs_of_10_40_and_20_percent()
    {
        var r = FunnelAnalyzer.Analyze(LeadTable.Build(TemplateLeads(0)), Day(60));
        Assert.Equal(new long[] { 1000, 900, 540, 432, 324, 243 }, Reach(r));
        Assert.Equal(new[] { 0.10, 0.40, 0.20, 0.25, 0.25 }, r.Steps.Select(s => s.Resolved.DropOff.Value!.Value));
        // Every lead is resolved, so both views agree.
        Assert.All(r.Steps, s => Assert.Equal(s.AllLeads.DropOff, s.Resolved.DropOff));
        Assert.Equal(0.243, r.OverallConversion.Value);

        var b = r.Bottleneck!;
        Assert.Equal(Pipeline.Contacted, b.Step.From.Name);
        Assert.Equal(Pipeline.NeedsConfirmed, b.Step.To.Name);
        // 360/900 against the pooled (100 + 108 + 108 + 81) / (1000 + 540 + 432 + 324); R prop.test X-squared = z^2.
        Assert.Equal(184.46406301768249, b.VersusOtherSteps.Statistic!.Value * b.VersusOtherSteps.Statistic.Value, 9);
        Assert.True(b.VersusOtherSteps.Statistic > 0);
        Assert.Equal(5.1380528300816074e-42, b.VersusOtherSteps.PValue!.Value, 1e-50);
        Assert.Equal(240.92100981247594, b.AcrossSteps.Statistic!.Value, 9);
        Assert.Equal(4, b.AcrossSteps.DegreesOfFreedom);
        // R: p = 5.8762804422175825e-51; the upper tail is computed directly, so it keeps its digits (relative 1e-9).
        Assert.Equal(5.8762804422175825e-51, b.AcrossSteps.PValue!.Value, 5.8762804422175825e-51 * 1e-9);
        Assert.True(b.IsSignificant);
        // Wilson 95% of 360/900 (R prop.test(correct = FALSE)$conf.int).
        Assert.Equal(0.36848419670155608, b.Step.Resolved.DropOff.Lower!.Value, 12);
        Assert.Equal(0.43236583264445472, b.Step.Resolved.DropOff.Upper!.Value, 12);
    }

    [Fact]
    public void Open_leads_change_the_all_leads_view_but_not_the_resolved_one()
    {
        var r = FunnelAnalyzer.Analyze(LeadTable.Build(TemplateLeads(50)), Day(60));
        var needs = r.GetStep(Pipeline.NeedsConfirmed);
        Assert.Equal("590 432 108 0 50 0 0", Counts(needs));
        Assert.Equal((158, 590), (needs.AllLeads.DropOff.Numerator, needs.AllLeads.DropOff.Denominator));
        Assert.Equal(0.20, needs.Resolved.DropOff.Value);
        Assert.Equal(Pipeline.Contacted, r.Bottleneck!.Step.From.Name);
    }

    [Fact]
    public void A_step_target_is_compared_with_the_resolved_view()
    {
        // The template's action: needs-discovery drop-off from 40% down to 25%.
        var options = new FunnelOptions
        {
            Targets = new[] { StepTarget.ForDropOff(Pipeline.Contacted, 0.25), StepTarget.ForConversion(Pipeline.NeedsConfirmed, 0.75) },
        };
        var r = FunnelAnalyzer.Analyze(LeadTable.Build(TemplateLeads(0)), Day(60), options);
        var target = r.GetStep(Pipeline.Contacted).Target!;
        Assert.False(target.MeetsTarget);
        Assert.Equal(0.15, target.Gap!.Value, 12);
        Assert.Equal(108, target.Test.Statistic!.Value * target.Test.Statistic.Value, 9); // R prop.test(360, 900, p = 0.25)
        Assert.Equal(2.6877817946493766e-25, target.Test.PValue!.Value, 1e-33);
        Assert.True(target.DiffersSignificantly);

        var conversion = r.GetStep(Pipeline.NeedsConfirmed).Target!;
        Assert.Equal((432, 540), (conversion.Observed.Numerator, conversion.Observed.Denominator));
        Assert.True(conversion.MeetsTarget);
        Assert.Equal(0.05, conversion.Gap!.Value, 12);
        Assert.Null(r.GetStep(Pipeline.ProposalSent).Target);
    }
}
