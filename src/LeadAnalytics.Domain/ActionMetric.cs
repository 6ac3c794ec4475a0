using LeadAnalytics.Metrics;

namespace LeadAnalytics;

/// <summary>A metric an optimisation action can be tracked by (the template's 跟踪指标). Each is computed by one engine,
/// with the definition in docs/metrics (METRICS.md); the grammar names are in <see cref="ActionMetrics"/>.</summary>
public enum ActionMetric
{
    /// <summary>Lead volume: leads acquired per week over the window (<c>leads</c>).</summary>
    Leads = 0,

    /// <summary>Won / leads for the leads acquired in the window (<c>conversion</c>).</summary>
    ConversionRate = 1,

    /// <summary>Step conversion into a stage: leads that reached the stage / leads that reached the stage before it
    /// (<c>step_conversion(Stage)</c>).</summary>
    StepConversion = 2,

    /// <summary>Drop-off at the step into a stage: 1 - <see cref="StepConversion"/> (<c>dropoff(Stage)</c>). The template's
    /// "40% drop-off at needs discovery" is <c>dropoff(NeedsConfirmed)</c>: Contacted leads that never confirmed needs.</summary>
    DropOff = 3,

    /// <summary>Spend / leads (<c>cpl</c>), in the data's currency.</summary>
    CostPerLead = 4,

    /// <summary>Spend / won leads (<c>cac</c>): the template's cost per customer (获客成本 of the effect fields).</summary>
    CostPerAcquisition = 5,

    /// <summary>Revenue of won leads / spend (<c>roas</c>): what the template writes as ROI "1:x".</summary>
    ReturnOnAdSpend = 6,

    /// <summary>Median days from acquisition to won or lost, open leads censored (<c>median_cycle_days</c>).</summary>
    MedianCycleDays = 7,

    /// <summary>Median hours from acquisition to first contact (<c>speed_to_lead</c>).</summary>
    SpeedToLead = 8,
}

/// <summary>The unit a metric's values (targets and baselines) are expressed in.</summary>
public enum ActionMetricUnit
{
    /// <summary>Leads per week.</summary>
    LeadsPerWeek = 0,

    /// <summary>A proportion between 0 and 1, written as a percentage (<c>25%</c>).</summary>
    Proportion = 1,

    /// <summary>An amount of money in the data's currency.</summary>
    Money = 2,

    /// <summary>A ratio such as revenue per unit of spend (the template's <c>1:x</c>).</summary>
    Ratio = 3,

    /// <summary>Days.</summary>
    Days = 4,

    /// <summary>Hours.</summary>
    Hours = 5,
}

/// <summary>Facts about each <see cref="ActionMetric"/>: its name in target expressions, its unit, whether it needs a stage.</summary>
public static class ActionMetrics
{
    /// <summary>Every metric, in declaration order.</summary>
    public static IReadOnlyList<ActionMetric> All { get; } = new[]
    {
        ActionMetric.Leads, ActionMetric.ConversionRate, ActionMetric.StepConversion, ActionMetric.DropOff,
        ActionMetric.CostPerLead, ActionMetric.CostPerAcquisition, ActionMetric.ReturnOnAdSpend,
        ActionMetric.MedianCycleDays, ActionMetric.SpeedToLead,
    };

    /// <summary>The metric's canonical name in target expressions, for example <c>dropoff</c>: the catalogue's
    /// <see cref="MetricDefinition.ShortName"/> of <see cref="DefinitionOf"/>.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is undefined.</exception>
    public static string NameOf(ActionMetric metric) => DefinitionOf(metric).ShortName;

    /// <summary>The metric's entry in the catalogue: its id, aliases (the names target expressions accept), names and definition
    /// in English and Chinese.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The definition; <see cref="ActionMetric.Leads"/> is the catalogue's lead count, tracked per week.</returns>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is undefined.</exception>
    public static MetricDefinition DefinitionOf(ActionMetric metric) => metric switch
    {
        ActionMetric.Leads => MetricCatalog.Leads,
        ActionMetric.ConversionRate => MetricCatalog.ConversionRate,
        ActionMetric.StepConversion => MetricCatalog.StepConversion,
        ActionMetric.DropOff => MetricCatalog.DropOff,
        ActionMetric.CostPerLead => MetricCatalog.CostPerLead,
        ActionMetric.CostPerAcquisition => MetricCatalog.CostPerAcquisition,
        ActionMetric.ReturnOnAdSpend => MetricCatalog.Roas,
        ActionMetric.MedianCycleDays => MetricCatalog.MedianCycleDays,
        ActionMetric.SpeedToLead => MetricCatalog.SpeedToLeadMedianHours,
        _ => throw Undefined(metric),
    };

    /// <summary>The action metric a catalogue name (id or alias, as <see cref="MetricCatalog.Find"/> reads it) stands for.</summary>
    /// <param name="name">A metric name, for example <c>cpl</c> or <c>cost_per_lead</c>.</param>
    /// <param name="metric">The action metric, when the name is one.</param>
    /// <returns>Whether the name is a catalogue metric that actions can track.</returns>
    public static bool TryFind(string? name, out ActionMetric metric)
    {
        var definition = MetricCatalog.Find(name);
        foreach (var m in All)
        {
            if (definition is not null && ReferenceEquals(DefinitionOf(m), definition))
            {
                metric = m;
                return true;
            }
        }

        metric = default;
        return false;
    }

    /// <summary>The unit of the metric's values.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is undefined.</exception>
    public static ActionMetricUnit UnitOf(ActionMetric metric) => metric switch
    {
        ActionMetric.Leads => ActionMetricUnit.LeadsPerWeek,
        ActionMetric.ConversionRate or ActionMetric.StepConversion or ActionMetric.DropOff => ActionMetricUnit.Proportion,
        ActionMetric.CostPerLead or ActionMetric.CostPerAcquisition => ActionMetricUnit.Money,
        ActionMetric.ReturnOnAdSpend => ActionMetricUnit.Ratio,
        ActionMetric.MedianCycleDays => ActionMetricUnit.Days,
        ActionMetric.SpeedToLead => ActionMetricUnit.Hours,
        _ => throw Undefined(metric),
    };

    /// <summary>Whether the metric is measured at one step of the funnel and so names a stage.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns><see langword="true"/> for <see cref="ActionMetric.StepConversion"/> and <see cref="ActionMetric.DropOff"/>.</returns>
    public static bool IsStageMetric(ActionMetric metric) => metric is ActionMetric.StepConversion or ActionMetric.DropOff;

    /// <summary>Whether the metric is a proportion of leads (and so carries a confidence interval and a two-proportion test).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns><see langword="true"/> for conversion, step conversion and drop-off.</returns>
    public static bool IsProportion(ActionMetric metric) => UnitOf(metric) == ActionMetricUnit.Proportion;

    /// <summary>Whether the metric needs costs (spend) to be computed.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns><see langword="true"/> for cost per lead, cost per acquisition and ROAS.</returns>
    public static bool NeedsSpend(ActionMetric metric) =>
        metric is ActionMetric.CostPerLead or ActionMetric.CostPerAcquisition or ActionMetric.ReturnOnAdSpend;

    /// <summary>Whether the metric is a duration (and so its evidence is a log-rank test).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns><see langword="true"/> for median cycle days and speed to lead.</returns>
    public static bool IsDuration(ActionMetric metric) => metric is ActionMetric.MedianCycleDays or ActionMetric.SpeedToLead;

    internal static bool IsDefined(ActionMetric metric) => (uint)metric <= (uint)ActionMetric.SpeedToLead;

    private static ArgumentException Undefined(ActionMetric metric) => new($"Unknown metric {(int)metric}.", nameof(metric));
}
