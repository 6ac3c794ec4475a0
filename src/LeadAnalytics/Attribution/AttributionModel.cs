namespace LeadAnalytics.Attribution;

/// <summary>The attribution models <see cref="AttributionAnalyzer"/> computes. docs/attribution.md defines each with a worked example.</summary>
public enum AttributionModel
{
    /// <summary>All credit to the first touch of the journey.</summary>
    FirstTouch = 0,

    /// <summary>All credit to the last touch before the conversion.</summary>
    LastTouch = 1,

    /// <summary>All credit to the last touch whose channel is not direct (<see cref="AttributionOptions.DirectChannels"/>);
    /// to the last touch when every touch is direct.</summary>
    LastNonDirect = 2,

    /// <summary>Equal credit to every touch (a channel touched twice gets two shares).</summary>
    Linear = 3,

    /// <summary>40% to the first touch, 40% to the last, 20% spread over the touches between (shares are options);
    /// one touch gets everything, two touches split evenly.</summary>
    PositionBased = 4,

    /// <summary>Credit proportional to 2^(-d/h): d the exact fractional days from the touch to the conversion, h the half-life
    /// (<see cref="AttributionOptions.TimeDecayHalfLife"/>, 7 days by default). Needs touch times: not defined for aggregated paths.</summary>
    TimeDecay = 5,

    /// <summary>CRM milestones: 40% to the first touch, 40% to the lead-created touch, 20% spread over the other touches.</summary>
    UShaped = 6,

    /// <summary>CRM milestones: 30% each to the first-touch, lead-created and deal-created touches, 10% over the others.</summary>
    WShaped = 7,

    /// <summary>CRM milestones: 22.5% each to the first-touch, lead-created, deal-created and closed-won touches, 10% over the others.</summary>
    FullPath = 8,

    /// <summary>Removal effects of an order-k absorbing Markov chain, computed exactly by linear solves (not simulated).</summary>
    Markov = 9,

    /// <summary>Shapley value of the channel-set game of Zhao et al. (2018), computed exactly.</summary>
    Shapley = 10,
}
