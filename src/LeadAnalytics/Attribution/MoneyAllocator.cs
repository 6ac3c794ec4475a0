namespace LeadAnalytics.Attribution;

/// <summary>Shares an amount among keys in proportion to weights, in whole minor units that sum exactly to the amount
/// (largest remainder; equal remainders go to the lower key code, that is the ordinally smaller key).</summary>
internal static class MoneyAllocator
{
    // Raw shares are rounded to a millionth of a minor unit first, so that floating-point noise in the weights (1e-16 relative)
    // cannot decide who gets a cent: equal shares are exactly equal and the tie-break by key decides.
    private const int RawDecimals = 6;

    internal static Money[] Allocate(decimal amount, Currency currency, double[] weights)
    {
        var result = new Money[weights.Length];
        var scale = 1m;
        for (var i = 0; i < currency.MinorUnits; i++)
        {
            scale *= 10m;
        }

        var units = Math.Round(amount, currency.MinorUnits, MidpointRounding.AwayFromZero) * scale;
        var total = new NeumaierSum();
        foreach (var w in weights)
        {
            total.Add(w > 0 ? w : 0);
        }

        if (units == 0m || weights.Length == 0)
        {
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = Money.Zero(currency);
            }

            return result;
        }

        if (!(total.Value > 0))
        {
            throw new InvalidOperationException("There is value to share but no key has credit.");
        }

        var floors = new decimal[weights.Length];
        var remainders = new decimal[weights.Length];
        var assigned = 0m;
        for (var i = 0; i < weights.Length; i++)
        {
            var share = weights[i] > 0 ? weights[i] / total.Value : 0;
            var raw = Math.Round((decimal)share * units, RawDecimals, MidpointRounding.AwayFromZero);
            floors[i] = Math.Floor(raw);
            remainders[i] = raw - floors[i];
            assigned += floors[i];
        }

        var order = new int[weights.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // A key without credit never receives a leftover unit, whatever the rounding.
        Array.Sort(order, (x, y) =>
        {
            var c = (weights[y] > 0).CompareTo(weights[x] > 0);
            if (c != 0)
            {
                return c;
            }

            c = remainders[y].CompareTo(remainders[x]);
            return c != 0 ? c : x.CompareTo(y);
        });

        var left = units - assigned;
        for (var k = 0; left > 0m; k = (k + 1) % order.Length)
        {
            floors[order[k]] += 1m;
            left -= 1m;
        }

        // Only reachable if rounding pushed the floors past the total: take back from the smallest remainders that can give.
        for (var k = order.Length - 1; left < 0m; k = k == 0 ? order.Length - 1 : k - 1)
        {
            if (floors[order[k]] > 0m)
            {
                floors[order[k]] -= 1m;
                left += 1m;
            }
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new Money(floors[i] / scale, currency);
        }

        return result;
    }
}
