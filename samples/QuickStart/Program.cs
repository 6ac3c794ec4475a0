using LeadAnalytics;

// QuickStart: the library's main job on a small data set. Later issues grow this into the full analysis
// (data quality, channel table, funnel, cycle time, attribution, actions) on the bundled sample CSV files.
var t0 = new DateTimeOffset(2023, 10, 1, 9, 0, 0, TimeSpan.FromHours(8));
var leads = new List<Lead>();
string[] channels = { "抖音信息流", "行业展会", "SEO" };
for (var i = 0; i < 30; i++)
{
    var b = new LeadBuilder
    {
        Id = $"202310{i:D5}",
        Channel = channels[i % 3],
        AcquiredAt = t0.AddHours(7 * i),
    };
    if (i % 2 == 0) b.ContactedAt = b.AcquiredAt.Value.AddDays(1);
    if (i % 4 == 0) b.NeedsConfirmedAt = b.AcquiredAt.Value.AddDays(4);
    if (i % 8 == 0) { b.WonAt = b.AcquiredAt.Value.AddDays(20); b.DealAmount = new Money(50_000m, Currency.CNY); }
    else if (i % 5 == 0) b.LostAt = b.AcquiredAt.Value.AddDays(9);
    leads.Add(b.Build());
}

Console.WriteLine($"{leads.Count} leads on pipeline {Pipeline.Default}");
foreach (var group in leads.GroupBy(l => l.Channel).OrderBy(g => g.Key, DimensionKeys.Comparer))
{
    var won = group.Count(l => l.Outcome == Outcome.Won);
    Console.WriteLine($"{group.Key,-10} leads {group.Count(),3}  won {won,2}  open {group.Count(l => l.Outcome == Outcome.Open),2}  lost {group.Count(l => l.Outcome == Outcome.Lost),2}");
}
