using System.Globalization;
using System.Xml.Linq;
using LeadAnalytics.Data;

namespace LeadAnalytics.Tests.Reporting;

/// <summary>Leads with known funnels, times and loss reasons, and helpers to read charts back.</summary>
internal static class ReportingTestData
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static readonly DateTimeOffset T0 = new(2023, 10, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly DateTimeOffset AsOf = T0.AddDays(200);

    /// <summary>
    /// The template's funnel (1,000 leads; 100 lost at Acquired, 360 at Contacted, 108 at NeedsConfirmed, 108 at
    /// ProposalSent, 81 at Negotiation, 243 won) spread over channels "A", "B" and "抖音信息流" in turn, with days
    /// between stages varying by lead so cycle times differ, a loss reason per stage, and deals of 10,000, 20,000 or
    /// 30,000 CNY (by lead number modulo 3).
    /// </summary>
    public static Lead[] TemplateLeads()
    {
        var lostAt = new[] { 100, 360, 108, 108, 81 };
        var reasons = new[] { "联系不上", "需求不匹配", "预算不足", "选择竞品", "决策链太长" };
        var channels = new[] { "A", "B", "抖音信息流" };
        var leads = new List<Lead>();
        var n = 0;
        for (var s = 0; s <= 5; s++)
        {
            var count = s < 5 ? lostAt[s] : 243;
            for (var i = 0; i < count; i++)
            {
                var start = (n % 20) * 0.5;
                var gap = 1 + (n % 7);
                DateTimeOffset? At(int stage) => s >= stage ? T0.AddDays(start + (stage * gap)) : null;
                leads.Add(new LeadBuilder
                {
                    Id = "T" + n.ToString(CultureInfo.InvariantCulture),
                    Channel = channels[n % 3],
                    AcquiredAt = T0.AddDays(start),
                    ContactedAt = At(1),
                    NeedsConfirmedAt = At(2),
                    ProposalSentAt = At(3),
                    NegotiationAt = At(4),
                    WonAt = At(5),
                    LostAt = s < 5 ? T0.AddDays(start + ((s + 1) * gap)) : null,
                    LossReason = s < 5 ? reasons[s] : null,
                    DealAmount = s == 5 ? new Money(10_000m * (1 + (n % 3)), Currency.CNY) : null,
                }.Build());
                n++;
            }
        }

        return leads.ToArray();
    }

    public static LeadTable TemplateTable() => LeadTable.Build(TemplateLeads());

    /// <summary>A month's spend for channels A (30,000) and B (60,000); none for 抖音信息流, whose cost per customer is
    /// therefore undefined.</summary>
    public static CostEntry[] TemplateCosts() => new[]
    {
        new CostEntry(CostScope.Channel, "A", T0.AddDays(-1), T0.AddDays(30), new Money(30_000m, Currency.CNY)),
        new CostEntry(CostScope.Channel, "B", T0.AddDays(-1), T0.AddDays(30), new Money(60_000m, Currency.CNY)),
    };

    public static XElement Parse(string svg)
    {
        var root = XElement.Parse(svg);
        Assert.Equal(Svg + "svg", root.Name);
        return root;
    }

    public static IEnumerable<XElement> WithClass(this XElement root, string name, string cssClass) =>
        root.Descendants(Svg + name).Where(e => ((string?)e.Attribute("class") ?? string.Empty).Split(' ').Contains(cssClass));

    public static double D(this XElement e, string attribute) =>
        double.Parse((string?)e.Attribute(attribute) ?? throw new InvalidOperationException($"no {attribute} on {e.Name.LocalName}"), CultureInfo.InvariantCulture);

    public static string S(this XElement e, string attribute) => (string?)e.Attribute(attribute) ?? throw new InvalidOperationException($"no {attribute}");

    public static IReadOnlyList<string> Texts(this XElement root) => root.Descendants(Svg + "text").Select(t => t.Value).ToList();

    /// <summary>The pixel x of an axis tick value (from the tick labels the axis drew).</summary>
    public static double TickX(XElement root, string axisClass, double value)
    {
        var axis = root.WithClass("g", axisClass).First();
        var tick = axis.WithClass("text", "tick").First(t => Math.Abs(t.D("data-value") - value) < 1e-9);
        return tick.D("x");
    }

    public static double TickY(XElement root, string axisClass, double value)
    {
        var axis = root.WithClass("g", axisClass).First();
        var tick = axis.WithClass("text", "tick").First(t => Math.Abs(t.D("data-value") - value) < 1e-9);
        return tick.D("y") - 4; // labels sit 4 px below the grid line they name
    }

    /// <summary>Parses "M x y H x V y ... H x" into the vertices of the step path.</summary>
    public static List<(double X, double Y)> StepVertices(string d)
    {
        var tokens = d.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("M", tokens[0]);
        var x = double.Parse(tokens[1], CultureInfo.InvariantCulture);
        var y = double.Parse(tokens[2], CultureInfo.InvariantCulture);
        var points = new List<(double, double)> { (x, y) };
        for (var i = 3; i < tokens.Length; i += 2)
        {
            var v = double.Parse(tokens[i + 1], CultureInfo.InvariantCulture);
            switch (tokens[i])
            {
                case "H": x = v; break;
                case "V": y = v; break;
                default: throw new InvalidOperationException("a step path has only H and V moves, found " + tokens[i]);
            }

            points.Add((x, y));
        }

        return points;
    }
}
