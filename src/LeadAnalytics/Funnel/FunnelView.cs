using LeadAnalytics.Data;
using LeadAnalytics.Statistics;

namespace LeadAnalytics.Funnel;

/// <summary>
/// One step seen over a set of leads: of <see cref="Leads"/>, how many advanced and how many dropped off. The
/// all-leads view counts every lead that entered the step; the resolved view only those whose fate at the step is
/// known (advanced, lost, expired, and stale unless <see cref="StaleTreatment.AsOpen"/>): open leads are not drop-offs.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class FunnelView
{
    internal FunnelView(long leads, long advanced, double confidence, ProportionIntervalMethod method)
    {
        Leads = leads;
        Advanced = advanced;
        Conversion = new Rate(advanced, leads, confidence, method);
        DropOff = new Rate(leads - advanced, leads, confidence, method);
    }

    /// <summary>The leads in the view: the denominator of both rates.</summary>
    public long Leads { get; }

    /// <summary>Leads that reached the next stage.</summary>
    public long Advanced { get; }

    /// <summary>Leads that did not: <see cref="Leads"/> - <see cref="Advanced"/>.</summary>
    public long DroppedOff => Leads - Advanced;

    /// <summary>Advanced / leads, with its interval; undefined when there are no leads.</summary>
    public Rate Conversion { get; }

    /// <summary>Dropped off / leads = 1 - conversion, with its interval; undefined when there are no leads.</summary>
    public Rate DropOff { get; }

    /// <summary>Describes the view.</summary>
    /// <returns>Conversion and drop-off.</returns>
    public override string ToString() => $"conversion {Conversion}, drop-off {DropOff}";
}
