namespace LeadAnalytics.Forecast;

/// <summary>SplitMix64 (Steele, Lea and Flood 2014): a small, fast generator whose stream depends only on its seed, the
/// same on every target framework and thread. Each bootstrap replicate gets its own stream (seed, replicate), so the
/// replicates do not depend on which thread computes them.</summary>
internal struct SplitMix64
{
    private ulong _state;

    internal SplitMix64(int seed, int stream)
    {
        _state = unchecked(((ulong)(uint)seed << 32) ^ (ulong)(uint)stream ^ 0x5DEECE66DUL);
        _state = Next64();
    }

    internal ulong Next64()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    internal double NextDouble() => (Next64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, n) (Lemire's multiply-shift; the bias is below n / 2^64).</summary>
    internal int NextInt(int n) => (int)(((Next64() >> 32) * (ulong)n) >> 32);
}
