using LeadAnalytics.Attribution;

namespace LeadAnalytics.Tests.Attribution;

/// <summary>Journeys built from leads and touchpoints: outcome, value, time decay, lookback, as-of, keys and the source fallback.</summary>
public class LeadJourneyTests
{
    internal static readonly DateTimeOffset Won = new(2024, 3, 10, 12, 0, 0, TimeSpan.FromHours(8));

    internal static Lead WonLead(string id, decimal amount, DateTimeOffset? wonAt = null, string? channel = null) => new LeadBuilder
    {
        Id = id,
        Channel = channel,
        AcquiredAt = (wonAt ?? Won).AddDays(-60),
        WonAt = wonAt ?? Won,
        DealAmount = new Money(amount, Currency.CNY),
    }.Build();

    internal static Lead LostLead(string id, DateTimeOffset lostAt) => new LeadBuilder { Id = id, AcquiredAt = lostAt.AddDays(-60), LostAt = lostAt }.Build();

    internal static Touchpoint Touch(string lead, double daysBefore, string channel, string? strategy = null, CrmMilestones milestones = CrmMilestones.None) =>
        new(lead, Won.AddDays(-daysBefore), channel, strategy, null, milestones);

    private static AttributionResult Run(AttributionModel model, IEnumerable<Lead> leads, IEnumerable<Touchpoint> touches, AttributionOptions? options = null) =>
        AttributionAnalyzer.Analyze(AttributionJourneys.FromLeads(leads, touches), new AttributionOptions
        {
            Model = model,
            LookbackWindow = options?.LookbackWindow,
            AsOf = options?.AsOf,
            By = options?.By ?? Dimension.Channel,
            KeySelector = options?.KeySelector,
            UseLeadSourceWhenNoTouchpoints = options?.UseLeadSourceWhenNoTouchpoints ?? true,
            TimeDecayHalfLife = options?.TimeDecayHalfLife ?? TimeSpan.FromDays(7),
        });

    [Fact]
    public void Time_decay_halves_the_weight_every_half_life()
    {
        // Touches 14, 7 and 0 days before the win: weights 2^-2, 2^-1, 2^0 = 1/4, 1/2, 1 (sum 7/4) -> shares 1/7, 2/7, 4/7.
        // 300.00 -> 4285.71, 8571.43, 17142.86 cents -> floors 29998; leftover 2 cents to the larger remainders (Direct .86, seo .71).
        var touches = new[] { Touch("L1", 14, "seo"), Touch("L1", 7, "email"), Touch("L1", 0, "Direct") };
        var result = Run(AttributionModel.TimeDecay, new[] { WonLead("L1", 300.00m) }, touches);
        AttributionAssert.Credits(result, ("Direct", 4.0 / 7, 171.43m), ("email", 2.0 / 7, 85.71m), ("seo", 1.0 / 7, 42.86m));
    }

    [Fact]
    public void Time_decay_uses_exact_fractional_days()
    {
        // 12 hours and 7 days before: w = 2^(-0.5/7) and 2^(-7/7). Whole days would give 2^0 and 2^-1 (shares 2/3, 1/3).
        var touches = new[] { new Touchpoint("L1", Won.AddHours(-12), "a"), Touch("L1", 7, "b") };
        var result = Run(AttributionModel.TimeDecay, new[] { WonLead("L1", 100m) }, touches);
        var wa = Math.Pow(2, -0.5 / 7);
        var wb = Math.Pow(2, -1);
        Assert.Equal(wa / (wa + wb), result.Find("a")!.Conversions, 1e-15);
        Assert.Equal(wb / (wa + wb), result.Find("b")!.Conversions, 1e-15);
        Assert.NotEqual(2.0 / 3, result.Find("a")!.Conversions, 1e-6);

        // A 14-day half-life: 2^(-0.5/14) and 2^(-7/14).
        var slower = Run(AttributionModel.TimeDecay, new[] { WonLead("L1", 100m) }, touches, new AttributionOptions { TimeDecayHalfLife = TimeSpan.FromDays(14) });
        var sa = Math.Pow(2, -0.5 / 14);
        var sb = Math.Pow(2, -0.5);
        Assert.Equal(sa / (sa + sb), slower.Find("a")!.Conversions, 1e-15);
    }

    [Fact]
    public void Lookback_drops_old_touches_and_touches_after_the_conversion_never_count()
    {
        // 40 days before: outside a 30-day window; 1 day after the win: after the conversion. Only email remains.
        var touches = new[] { Touch("L1", 40, "seo"), Touch("L1", 10, "email"), Touch("L1", -1, "social") };
        var result = Run(AttributionModel.FirstTouch, new[] { WonLead("L1", 500m) }, touches, new AttributionOptions { LookbackWindow = TimeSpan.FromDays(30) });
        AttributionAssert.Credits(result, ("email", 1, 500m));
        Assert.Equal(2, result.DroppedTouchpoints);

        // Without a window the 40-day touch is first; the touch after the win is still ignored.
        var all = Run(AttributionModel.FirstTouch, new[] { WonLead("L1", 500m) }, touches);
        AttributionAssert.Credits(all, ("email", 0, 0m), ("seo", 1, 500m));
        Assert.Equal(1, all.DroppedTouchpoints);

        // The window is inclusive: a touch exactly 30 days before counts.
        var edge = Run(AttributionModel.FirstTouch, new[] { WonLead("L1", 500m) }, new[] { Touch("L1", 30, "seo"), Touch("L1", 1, "email") }, new AttributionOptions { LookbackWindow = TimeSpan.FromDays(30) });
        Assert.Equal(1, edge.Find("seo")!.Conversions);
    }

    [Fact]
    public void A_won_lead_whose_touches_all_fall_outside_the_window_is_unattributed()
    {
        var result = Run(AttributionModel.Linear, new[] { WonLead("L1", 500m), WonLead("L2", 200m) }, new[] { Touch("L1", 40, "seo"), Touch("L2", 3, "email") }, new AttributionOptions { LookbackWindow = TimeSpan.FromDays(30) });
        Assert.Equal(1, result.TotalConversions);
        Assert.Equal(200m, result.TotalValue.Amount);
        Assert.Equal(1, result.UnattributedConversions);
        Assert.Equal(new Money(500m, Currency.CNY), result.UnattributedValue);
        AttributionAssert.Credits(result, ("email", 1, 200m));
    }

    [Fact]
    public void Lost_and_open_leads_are_non_converting_journeys()
    {
        var leads = new[] { WonLead("W", 1000m), LostLead("X", Won), new LeadBuilder { Id = "O", AcquiredAt = Won.AddDays(-5) }.Build() };
        var touches = new[] { Touch("W", 2, "a"), Touch("X", 3, "b"), Touch("O", 1, "c") };
        var result = Run(AttributionModel.Linear, leads, touches);
        Assert.Equal(3, result.JourneyCount);
        Assert.Equal(1, result.TotalConversions);
        AttributionAssert.Credits(result, ("a", 1, 1000m), ("b", 0, 0m), ("c", 0, 0m));

        // In the Markov chain they are paths to null: start -> a -> conversion, start -> b -> null, start -> c -> null.
        var markov = Run(AttributionModel.Markov, leads, touches);
        Assert.Equal(1.0 / 3, markov.Markov!.ConversionProbability!.Value, 1e-15);
        Assert.Equal(1.0, markov.Find("a")!.RemovalEffect!.Value, 1e-15);
    }

    [Fact]
    public void As_of_an_instant_later_wins_and_touches_are_not_known_yet()
    {
        var asOf = Won.AddDays(-1);
        var touches = new[] { Touch("L1", 5, "a"), Touch("L1", 0.5, "b") };
        var result = Run(AttributionModel.Linear, new[] { WonLead("L1", 100m) }, touches, new AttributionOptions { AsOf = asOf });
        Assert.Equal(0, result.TotalConversions);
        Assert.Equal(1, result.JourneyCount);
        Assert.Equal(1, result.DroppedTouchpoints); // b is after the as-of instant
        AttributionAssert.Credits(result, ("a", 0, 0m));

        // A lead acquired after the as-of instant does not exist yet: its touches are unmatched.
        var early = Run(AttributionModel.Linear, new[] { WonLead("L1", 100m) }, touches, new AttributionOptions { AsOf = Won.AddDays(-90) });
        Assert.Equal(0, early.JourneyCount);
        Assert.Equal(2, early.UnmatchedTouchpoints);
    }

    [Fact]
    public void Touchpoints_of_unknown_leads_are_counted_and_ignored()
    {
        var result = Run(AttributionModel.LastTouch, new[] { WonLead("L1", 10m) }, new[] { Touch("L1", 1, "a"), Touch("nobody", 1, "b") });
        Assert.Equal(1, result.UnmatchedTouchpoints);
        AttributionAssert.Credits(result, ("a", 1, 10m));
    }

    [Fact]
    public void A_lead_without_touchpoints_is_credited_to_its_own_source_unless_turned_off()
    {
        var leads = new[] { WonLead("L1", 500m, channel: "SEO"), WonLead("L2", 70m), WonLead("L3", 30m, channel: "email") };
        var touches = new[] { Touch("L3", 1, "webinar") };
        var result = Run(AttributionModel.LastTouch, leads, touches);

        // L1 -> its channel SEO; L2 has no channel -> (none); L3 has a touchpoint, so its own channel is not used.
        AttributionAssert.Credits(result, ("(none)", 1, 70m), ("SEO", 1, 500m), ("webinar", 1, 30m));

        var off = Run(AttributionModel.LastTouch, leads, touches, new AttributionOptions { UseLeadSourceWhenNoTouchpoints = false });
        AttributionAssert.Credits(off, ("webinar", 1, 30m));
        Assert.Equal(2, off.UnattributedConversions);
        Assert.Equal(570m, off.UnattributedValue.Amount);
    }

    [Fact]
    public void Credit_by_strategy_or_a_custom_key()
    {
        var touches = new[] { Touch("L1", 3, "douyin", "education ads"), Touch("L1", 2, "seo"), Touch("L1", 1, "douyin", "demo video") };
        var byStrategy = Run(AttributionModel.Linear, new[] { WonLead("L1", 90m) }, touches, new AttributionOptions { By = Dimension.Strategy });
        AttributionAssert.Credits(byStrategy, ("(none)", 1.0 / 3, 30m), ("demo video", 1.0 / 3, 30m), ("education ads", 1.0 / 3, 30m));

        var custom = Run(AttributionModel.Linear, new[] { WonLead("L1", 90m) }, touches, new AttributionOptions { KeySelector = t => t.Channel + "/" + t.Strategy });
        AttributionAssert.Credits(custom, ("douyin/demo video", 1.0 / 3, 30m), ("douyin/education ads", 1.0 / 3, 30m), ("seo/", 1.0 / 3, 30m));
    }

    [Fact]
    public void Last_non_direct_tests_the_touch_channel_when_crediting_strategies()
    {
        var touches = new[] { Touch("L1", 3, "seo", "guide"), Touch("L1", 1, "Direct", "brand") };
        var result = Run(AttributionModel.LastNonDirect, new[] { WonLead("L1", 10m) }, touches, new AttributionOptions { By = Dimension.Strategy });
        AttributionAssert.Credits(result, ("brand", 0, 0m), ("guide", 1, 10m));
    }

    [Fact]
    public void Touches_at_the_same_instant_are_ordered_by_their_fields()
    {
        // Same instant: channel order decides first and last, whatever the input order.
        var t1 = Touch("L1", 1, "b");
        var t2 = Touch("L1", 1, "a");
        var first = Run(AttributionModel.FirstTouch, new[] { WonLead("L1", 10m) }, new[] { t1, t2 });
        var reversed = Run(AttributionModel.FirstTouch, new[] { WonLead("L1", 10m) }, new[] { t2, t1 });
        AttributionAssert.Credits(first, ("a", 1, 10m), ("b", 0, 0m));
        AttributionAssert.Credits(reversed, ("a", 1, 10m), ("b", 0, 0m));
    }

    [Fact]
    public void Deal_amounts_in_two_currencies_are_an_error()
    {
        var usd = new LeadBuilder { Id = "U", AcquiredAt = Won.AddDays(-3), WonAt = Won, DealAmount = new Money(5m, Currency.USD) }.Build();
        Assert.Throws<CurrencyMismatchException>(() => AttributionJourneys.FromLeads(new[] { WonLead("L1", 10m), usd }, Array.Empty<Touchpoint>()));
        Assert.Throws<CurrencyMismatchException>(() => AttributionJourneys.FromLeads(new[] { WonLead("L1", 10m) }, Array.Empty<Touchpoint>(), Currency.USD));
        Assert.Throws<ArgumentException>(() => AttributionJourneys.FromLeads(new[] { WonLead("L1", 10m), WonLead("L1", 20m) }, Array.Empty<Touchpoint>()));
        Assert.Equal(Currency.CNY, AttributionJourneys.FromLeads(new[] { WonLead("L1", 10m) }, Array.Empty<Touchpoint>()).Currency);
        Assert.Equal(Currency.None, AttributionJourneys.FromLeads(Array.Empty<Lead>(), Array.Empty<Touchpoint>()).Currency);
    }
}
