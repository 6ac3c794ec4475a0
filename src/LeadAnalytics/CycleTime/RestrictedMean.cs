namespace LeadAnalytics.CycleTime;

/// <summary>The restricted mean survival time: the area under the Kaplan-Meier curve from 0 to a horizon, that is the
/// expected time to the event counting any time beyond the horizon as the horizon; with its standard error.</summary>
/// <remarks>Immutable. The same numbers as R's <c>print(fit, rmean = horizon)</c> (<c>rmean</c> and <c>se(rmean)</c>).</remarks>
public sealed class RestrictedMean
{
    internal RestrictedMean(double horizon, double value, double standardError)
    {
        Horizon = horizon;
        Value = value;
        StandardError = standardError;
    }

    /// <summary>The horizon the curve is integrated up to.</summary>
    public double Horizon { get; }

    /// <summary>The area under S from 0 to <see cref="Horizon"/>.</summary>
    public double Value { get; }

    /// <summary>Its standard error: sqrt(Σ A(t)²·d/(n(n-d))) over event times t before the horizon, A(t) the area after t
    /// (terms with n = d are dropped, as R does).</summary>
    public double StandardError { get; }
}
