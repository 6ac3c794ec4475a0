using LeadAnalytics.Data;

namespace LeadAnalytics.Tests.Actions;

/// <summary>Small data sets with counts chosen by hand, and the lead recipe they are built from.</summary>
internal static class ActionTestData
{
    internal static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    internal static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, Cst);

    /// <summary>A lead that reached <paramref name="furthest"/> (0 acquired ... 5 won) and then was lost, won or left open.
    /// Stages follow 1, 3, 6, 10 and 15 days after acquisition; a loss comes 2 days after the furthest stage.</summary>
    internal static Lead Lead(string id, string channel, DateTimeOffset acquired, int furthest, bool lost)
    {
        var b = new LeadBuilder { Id = id, Channel = channel, AcquiredAt = acquired };
        int[] offsets = { 0, 1, 3, 6, 10, 15 };
        for (var s = 1; s <= furthest; s++)
        {
            b.SetStageTime(Pipeline.Default.Stages[s].Name, acquired.AddDays(offsets[s]));
        }

        if (lost && furthest < 5)
        {
            b.LostAt = acquired.AddDays(offsets[furthest] + 2);
        }

        return b.Build();
    }

    /// <summary>
    /// The needs-discovery example by hand. Baseline window [2023-09-01, 2023-10-15): 55 leads, 5 lost before contact,
    /// 50 contacted, 20 of them lost at Contacted (drop-off 20/50 = 40%), 30 confirmed needs. After the start
    /// [2023-10-15, 2023-11-16): 45 leads, 5 lost before contact, 40 contacted, 8 lost at Contacted (8/40 = 20%), 32 confirmed.
    /// Leads are spread one per 16 hours from each window's start. Channel SEO before, 抖音信息流 after (so segments can be checked).
    /// </summary>
    internal static List<Lead> NeedsDiscovery()
    {
        var leads = new List<Lead>();
        void Add(DateTimeOffset from, int uncontacted, int lostAtContact, int confirmed, string prefix, string channel)
        {
            var n = 0;
            DateTimeOffset Next() => from.AddHours(16 * n++);
            for (var i = 0; i < uncontacted; i++)
            {
                leads.Add(Lead($"{prefix}u{i}", channel, Next(), 0, lost: true));
            }

            for (var i = 0; i < lostAtContact; i++)
            {
                leads.Add(Lead($"{prefix}l{i}", channel, Next(), 1, lost: true));
            }

            for (var i = 0; i < confirmed; i++)
            {
                leads.Add(Lead($"{prefix}c{i}", channel, Next(), 2 + (i % 4), lost: i % 4 != 3));
            }
        }

        Add(Day(2023, 9, 1), 5, 20, 30, "b", "SEO");
        Add(Day(2023, 10, 15), 5, 8, 32, "a", "抖音信息流");
        return leads;
    }

    internal static OptimisationAction Action(string target, ActionBaseline? baseline = null, string id = "A1") => new OptimisationActionBuilder
    {
        Id = id,
        Finding = "需求确认阶段流失率偏高(40%)",
        Description = "开展两次SPIN提问技巧培训",
        Owner = "销售总监",
        Start = Day(2023, 10, 15),
        Due = Day(2023, 11, 16),
        Target = MetricTarget.Parse(target),
        Baseline = baseline ?? ActionBaseline.Window(Day(2023, 9, 1), Day(2023, 10, 15)),
    }.Build();

    internal static LeadTable Table(IEnumerable<Lead> leads) => LeadTable.Build(leads);
}
