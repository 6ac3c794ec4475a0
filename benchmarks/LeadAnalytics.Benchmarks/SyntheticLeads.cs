using LeadAnalytics;

namespace LeadAnalytics.Benchmarks;

/// <summary>
/// Deterministic synthetic leads for benchmarks: 12 channels with a skewed (Zipf-like) share, the default pipeline,
/// a geometric furthest stage, won leads with a deal amount, lost leads, and a per-lead acquisition cost.
/// </summary>
public static class SyntheticLeads
{
    public static readonly string[] Channels =
    {
        "抖音信息流", "行业展会", "SEO", "转介绍", "小红书KOL", "朋友圈广告", "百度搜索", "微信公众号", "知乎", "B站", "线下沙龙", "邮件营销",
    };

    public static readonly DateTimeOffset Start = new(2023, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static DateTimeOffset AsOf => Start.AddDays(400);

    private static readonly string[][] Strategies = Channels.Select(c => new[] { c + " 策略A", c + " 策略B", c + " 策略C" }).ToArray();
    private static readonly string[] Contents = Enumerable.Range(0, 20).Select(i => "素材" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    private static readonly string[] Owners = Enumerable.Range(0, 40).Select(i => "销售" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public static string StrategyOf(in Row row, int index) => Strategies[row.Channel][index % 3];

    public static string ContentOf(in Row row, int index) => Contents[(index / 3) % Contents.Length];

    public static string OwnerOf(int index) => Owners[(index * 7) % Owners.Length];

    public static string CustomerTypeOf(int index) => index % 3 == 0 ? "个人" : "企业";

    public static string IndustryOf(int index) => SyntheticCsv.Industries[(index * 3) % SyntheticCsv.Industries.Length];

    public static string LossReasonOf(int index) => SyntheticCsv.LossReasons[index % SyntheticCsv.LossReasons.Length];

    /// <summary>One row of the generated data in plain columns (the form DuckDB and the naive version load).</summary>
    public readonly record struct Row(int Channel, DateTimeOffset Acquired, int FurthestStage, byte Outcome, long DealCents, long CostCents);

    public static IEnumerable<Row> Rows(int count, int seed = 42)
    {
        var rng = new Random(seed);
        var weights = Enumerable.Range(1, Channels.Length).Select(i => 1.0 / i).ToArray();
        var cumulative = new double[weights.Length];
        var total = weights.Sum();
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i] / total;
            cumulative[i] = running;
        }

        for (var i = 0; i < count; i++)
        {
            var u = rng.NextDouble();
            var channel = 0;
            while (channel < cumulative.Length - 1 && u > cumulative[channel])
            {
                channel++;
            }

            var acquired = Start.AddMinutes(rng.Next(0, 365 * 24 * 60));
            var stage = 0;
            while (stage < 5 && rng.NextDouble() < 0.62)
            {
                stage++;
            }

            byte outcome = stage == 5 ? (byte)1 : rng.NextDouble() < 0.6 ? (byte)2 : (byte)0;
            var deal = outcome == 1 ? 1_000_000L + rng.Next(0, 9_000_000) : 0L;
            yield return new Row(channel, acquired, stage, outcome, deal, 10_000L + rng.Next(0, 90_000));
        }
    }

    /// <summary>When lead <paramref name="index"/> reached stage <paramref name="stage"/> (1 to 5): each step takes 1 to 96 hours
    /// to the minute (uniform, from a hash of the lead and the step), so durations spread as a CRM's do (tens of thousands of
    /// distinct values) instead of repeating one value.</summary>
    public static DateTimeOffset StageAt(in Row row, int index, int stage)
    {
        var t = row.Acquired;
        for (var s = 1; s <= stage; s++)
        {
            t = t.AddMinutes(Gap(index, s, 96));
        }

        return t;
    }

    /// <summary>When a lost lead was lost: 1 to 120 hours after its furthest stage, to the minute.</summary>
    public static DateTimeOffset LostAt(in Row row, int index) => StageAt(row, index, row.FurthestStage).AddMinutes(Gap(index, 6, 120));

    // 60 to 60·hours minutes, from a SplitMix64 hash of (lead, step).
    private static int Gap(int index, int step, int hours)
    {
        var z = unchecked(((ulong)index * 0x9E3779B97F4A7C15UL) + ((ulong)step * 0xBF58476D1CE4E5B9UL) + 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return 60 + (int)(z % (ulong)((hours - 1) * 60 + 1));
    }

    public static Lead ToLead(in Row row, int index)
    {
        var b = new LeadBuilder
        {
            Id = "L" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Channel = Channels[row.Channel],
            Strategy = StrategyOf(row, index),
            Content = ContentOf(row, index),
            Owner = OwnerOf(index),
            CustomerType = CustomerTypeOf(index),
            Industry = IndustryOf(index),
            AcquiredAt = row.Acquired,
            AcquisitionCost = new Money(row.CostCents / 100m, Currency.CNY),
        };
        for (var s = 1; s <= row.FurthestStage; s++)
        {
            b.SetStageTime(Pipeline.Default.Stages[s].Name, StageAt(row, index, s));
        }

        if (row.Outcome == 1)
        {
            b.DealAmount = new Money(row.DealCents / 100m, Currency.CNY);
        }
        else if (row.Outcome == 2)
        {
            b.LostAt = LostAt(row, index);
            b.LossReason = LossReasonOf(index);
        }

        return b.Build();
    }

    /// <summary>The table of <see cref="Rows"/>, built through <see cref="Data.LeadRecord"/> (no Lead objects, so 10M fit).</summary>
    public static Data.LeadTable Table(int count, int seed = 42) => Table(Rows(count, seed));

    public static Data.LeadTable Table(IEnumerable<Row> rows)
    {
        var builder = new Data.LeadTableBuilder();
        var record = new Data.LeadRecord();
        var issues = new List<Quality.DataQualityIssue>();
        var i = 0;
        foreach (var row in rows)
        {
            Fill(record, row, i++);
            if (!builder.Add(record, null, issues))
            {
                throw new InvalidOperationException(issues[0].ToString());
            }
        }

        return builder.ToTable();
    }

    /// <summary>The same values as <see cref="ToLead"/>, into a reusable record.</summary>
    public static void Fill(Data.LeadRecord record, in Row row, int index)
    {
        record.Clear();
        record.Id = "L" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        record.Channel = Channels[row.Channel];
        record.Strategy = StrategyOf(row, index);
        record.Content = ContentOf(row, index);
        record.Owner = OwnerOf(index);
        record.CustomerType = CustomerTypeOf(index);
        record.Industry = IndustryOf(index);
        record.AcquiredAt = row.Acquired;
        record.AcquisitionCost = new Money(row.CostCents / 100m, Currency.CNY);
        for (var s = 1; s <= row.FurthestStage; s++)
        {
            record.SetStageTime(s, StageAt(row, index, s));
        }

        if (row.Outcome == 1)
        {
            record.DealAmount = new Money(row.DealCents / 100m, Currency.CNY);
        }
        else if (row.Outcome == 2)
        {
            record.LostAt = LostAt(row, index);
            record.LossReason = LossReasonOf(index);
        }
    }

    /// <summary>A cost table: one entry per channel per month of 2023, about the per-lead costs' total.</summary>
    public static List<CostEntry> Costs(int count)
    {
        var costs = new List<CostEntry>();
        for (var c = 0; c < Channels.Length; c++)
        {
            for (var m = 0; m < 12; m++)
            {
                var start = Start.AddMonths(m);
                costs.Add(new CostEntry(CostScope.Channel, Channels[c], start, start.AddMonths(1), new Money(count * 2m / (c + 1), Currency.CNY)));
            }
        }

        return costs;
    }
}
