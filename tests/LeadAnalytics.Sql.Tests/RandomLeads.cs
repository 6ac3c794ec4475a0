using LeadAnalytics.Data;
using LeadAnalytics.Funnel;

namespace LeadAnalytics.Sql.Tests;

/// <summary>One tracking-table row as the tests store it in a database and build it as a <see cref="Lead"/>.</summary>
internal sealed record LeadRow(
    string Id, string? Channel, string? Industry, string? Owner, DateTimeOffset Acquired, DateTimeOffset?[] Stages, DateTimeOffset? Lost,
    DateTimeOffset? LastActivity, decimal? Deal, decimal? Cost, string? LossReason)
{
    internal Lead ToLead(Currency? currency = null)
    {
        var money = currency ?? Currency.CNY;
        var b = new LeadBuilder
        {
            Id = Id,
            Channel = Channel,
            Industry = Industry,
            Owner = Owner,
            AcquiredAt = Acquired,
            ContactedAt = Stages[0],
            NeedsConfirmedAt = Stages[1],
            ProposalSentAt = Stages[2],
            NegotiationAt = Stages[3],
            WonAt = Stages[4],
            LostAt = Lost,
            LastActivityAt = LastActivity,
            LossReason = LossReason,
            DealAmount = Deal is { } d ? new Money(d, money) : null,
            AcquisitionCost = Cost is { } c ? new Money(c, money) : null,
        };
        return b.Build(LeadValidation.AllowChronologyFaults);
    }
}

/// <summary>A random data set: rows, an as-of instant, a stale threshold and sometimes an acquisition period.</summary>
internal sealed record LeadSet(int Seed, LeadRow[] Rows, DateTimeOffset AsOf, TimeSpan StaleAfter, AcquisitionPeriod Period)
{
    internal static readonly DateTimeOffset Origin = new(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    private static readonly string?[] Channels = { "抖音信息流", "SEO", "行业展会", "O'Brien \"quoted\"", null, "转介绍" };
    private static readonly string?[] Industries = { "教育", "医疗", null, "制造" };
    private static readonly string?[] Owners = { "张三", "李四", null };
    private static readonly string?[] Reasons = { "预算不足", "联系不上", null, "选择竞品" };

    /// <summary>Random pipelines: missing stages, ties (zero gaps), sub-second instants, chronology faults, leads acquired
    /// after as-of, lost after as-of, stale and open leads, stale rule on and off.</summary>
    internal static LeadSet Create(int seed)
    {
        var random = new Random(seed);
        var count = random.Next(0, 70);
        var rows = new LeadRow[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = Row(random, i);
        }

        var staleAfter = random.Next(0, 4) switch
        {
            0 => TimeSpan.Zero,
            1 => TimeSpan.FromDays(7).Add(TimeSpan.FromSeconds(random.Next(0, 100)) + TimeSpan.FromMilliseconds(random.Next(0, 2) * 500)),
            _ => TimeSpan.FromDays(30),
        };

        // As-of anywhere, or on the boundaries where the rules tie: exactly an instant of some lead (reached at as-of), or
        // exactly a lead's latest instant plus the stale threshold (stale at as-of).
        var asOf = Origin.AddMinutes(random.Next(0, 60 * 24 * 150)).AddSeconds(random.Next(0, 60)).AddMilliseconds(random.Next(0, 3) == 0 ? random.Next(0, 1000) : 0);
        if (count > 0 && random.Next(0, 3) != 0)
        {
            var row = rows[random.Next(count)];
            var instants = new[] { row.Acquired, row.Lost, row.LastActivity }.Concat(row.Stages).Where(t => t is not null).Select(t => t!.Value).ToArray();
            asOf = random.Next(0, 2) == 0 ? instants[random.Next(instants.Length)] : instants.Max() + staleAfter;
        }

        // A period in a quarter of the sets, bounds sometimes exactly on an acquisition instant (sub-second parts included).
        var period = AcquisitionPeriod.AllTime;
        if (random.Next(0, 4) == 0)
        {
            DateTimeOffset Bound() => count > 0 && random.Next(0, 2) == 0
                ? rows[random.Next(count)].Acquired
                : Origin.AddMinutes(random.Next(0, 60 * 24 * 120)).AddMilliseconds(random.Next(0, 2) * 250);
            var from = random.Next(0, 3) == 0 ? (DateTimeOffset?)null : Bound();
            var to = random.Next(0, 3) == 0 ? (DateTimeOffset?)null : Bound();
            if (from is { } f && to is { } t && t <= f)
            {
                (from, to) = (t == f ? null : t, f);
            }

            period = new AcquisitionPeriod(from, to);
        }

        return new LeadSet(seed, rows, asOf, staleAfter, period);
    }

    /// <summary>The options of this set (its stale rule and period), broken down by the dimensions.</summary>
    internal FunnelOptions Options(params Dimension[] breakdown) =>
        new() { Scope = new AnalysisScope { StaleAfter = StaleAfter, Period = Period, Breakdown = breakdown } };

    public override string ToString() => $"seed {Seed}: {Rows.Length} leads, as of {AsOf:O}, stale after {StaleAfter}, period {Period}";

    private static LeadRow Row(Random random, int index)
    {
        var acquired = Origin.AddMinutes(random.Next(0, 60 * 24 * 120)).AddSeconds(random.Next(0, 4) == 0 ? random.Next(0, 60) : 0)
            .AddMilliseconds(random.Next(0, 5) == 0 ? random.Next(0, 1000) : 0);
        var furthest = random.Next(0, 6);
        var stages = new DateTimeOffset?[5];
        var t = acquired;
        for (var s = 1; s <= furthest; s++)
        {
            var gapMinutes = random.Next(0, 4) switch
            {
                0 => 0,                                       // ties
                1 => -random.Next(1, 60 * 24 * 3),            // out of order: a chronology fault
                _ => random.Next(1, 60 * 24 * 25),
            };
            t = t.AddMinutes(gapMinutes);
            if (s == furthest || random.Next(0, 4) != 0)
            {
                stages[s - 1] = t;
            }
        }

        DateTimeOffset? lost = null;
        string? reason = null;
        if (furthest < 5 && random.Next(0, 3) == 0)
        {
            lost = t.AddMinutes(random.Next(-60, 60 * 24 * 40));
            reason = Reasons[random.Next(Reasons.Length)];
        }

        DateTimeOffset? activity = random.Next(0, 3) == 0 ? acquired.AddMinutes(random.Next(0, 60 * 24 * 100)) : null;
        decimal? deal = furthest == 5 && random.Next(0, 5) != 0 ? random.Next(0, 5_000_000) / 100m : null;
        decimal? cost = random.Next(0, 4) != 0 ? random.Next(0, 100_000) / 100m : null;
        return new LeadRow(
            "L" + index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), Channels[random.Next(Channels.Length)],
            Industries[random.Next(Industries.Length)], Owners[random.Next(Owners.Length)], acquired, stages, lost, activity, deal, cost, reason);
    }
}
