using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LeadAnalytics.Actions;
using LeadAnalytics.Data;

namespace LeadAnalytics.Tests.Actions;

public class SegmentTableTests
{
    private static Gen<(Lead[] Leads, int[] Rows)> Case { get; } =
        from leads in Generators.Leads(Pipeline.Default, 1, 80)
        from rows in Gen.ListOf(Gen.Choose(0, leads.Length - 1))
        select (leads.Select(WithActivity).ToArray(), rows.Distinct().ToArray());

    // Follow-ups and an explicit last activity on some leads, so the activity columns are copied too.
    private static Lead WithActivity(Lead lead, int i)
    {
        if (i % 3 == 0)
        {
            return lead;
        }

        var b = lead.ToBuilder();
        b.FollowUps.Add(new FollowUp(lead.AcquiredAt.AddDays(5 + i % 20), FollowUpKind.Call));
        if (i % 3 == 2)
        {
            b.LastActivityAt = lead.AcquiredAt.AddDays(40);
        }

        return b.Build();
    }

    [Property(MaxTest = 50)]
    public Property Copied_rows_read_like_a_table_built_from_those_leads() =>
        Prop.ForAll(Arb.From(Case), c =>
        {
            var source = LeadTable.Build(c.Leads);
            var copy = SegmentTable.Build(source, c.Rows);
            var expected = LeadTable.Build(c.Rows.Select(r => c.Leads[r]));
            var asOf = Generators.Epoch.AddDays(90);
            Assert.Equal(expected.Count, copy.Count);
            for (var i = 0; i < copy.Count; i++)
            {
                Assert.Equal(expected.GetId(i), copy.GetId(i));
                for (var s = 0; s < Pipeline.Default.Count; s++)
                {
                    Assert.Equal(expected.GetStageTime(i, s), copy.GetStageTime(i, s));
                }

                Assert.Equal(expected.GetLostTime(i), copy.GetLostTime(i));
                Assert.Equal(expected.GetDealAmount(i), copy.GetDealAmount(i));
                Assert.Equal(expected.GetAcquisitionCost(i), copy.GetAcquisitionCost(i));
                Assert.Equal(expected.GetLossReason(i), copy.GetLossReason(i));
                Assert.Equal(expected.HasChronologyFaults(i), copy.HasChronologyFaults(i));
                Assert.Equal(expected.GetOutcome(i, asOf), copy.GetOutcome(i, asOf));
                foreach (var days in new[] { 10, 30, 60, 120 })
                {
                    var at = Generators.Epoch.AddDays(days);
                    Assert.Equal(expected.IsStale(i, at, TimeSpan.FromDays(7)), copy.IsStale(i, at, TimeSpan.FromDays(7)));
                }
                foreach (var d in new[] { Dimension.Channel, Dimension.Strategy, Dimension.Content, Dimension.Industry, Dimension.Owner, Dimension.CustomerType })
                {
                    Assert.Equal(expected.GetColumn(d).LabelOf(expected.GetCode(d, i)), copy.GetColumn(d).LabelOf(copy.GetCode(d, i)));
                }

                Assert.Equal(
                    expected.GetTagCodes(i).Select(t => expected.GetColumn(Dimension.Tag).LabelOf(t)),
                    copy.GetTagCodes(i).Select(t => copy.GetColumn(Dimension.Tag).LabelOf(t)));
            }

            return true;
        });
}
