namespace LeadAnalytics.Attribution;

/// <summary>
/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64 from (seed, replicate): the same numbers on every platform,
/// target framework and thread, unlike <see cref="System.Random"/>, whose algorithm is not promised across versions. Each
/// bootstrap replicate has its own generator, so the replicates do not depend on which thread runs them or in what order.
/// </summary>
internal struct BootstrapRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    internal BootstrapRandom(long seed, int stream)
    {
        var x = unchecked((ulong)seed ^ ((ulong)(uint)stream * 0xD1B54A32D192ED03UL));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    internal ulong Next()
    {
        var result = Rotl(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = Rotl(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    internal double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n), n &gt; 0, without modulo bias (Lemire's multiply-and-reject on 32 bits).</summary>
    internal int NextInt(int n)
    {
        var range = (uint)n;
        var m = (ulong)(uint)(Next() >> 32) * range;
        var low = (uint)m;
        if (low < range)
        {
            var threshold = unchecked((uint)-range) % range;
            while (low < threshold)
            {
                m = (ulong)(uint)(Next() >> 32) * range;
                low = (uint)m;
            }
        }

        return (int)(m >> 32);
    }

    private static ulong Rotl(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        var z = x;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
