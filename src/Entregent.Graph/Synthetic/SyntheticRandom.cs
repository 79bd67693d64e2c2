namespace Entregent.Graph.Synthetic;

/// <summary>
/// xoshiro256** seeded through splitmix64. Our own generator rather than <see cref="Random"/> because
/// <c>new Random(seed)</c> is only promised to be stable within one .NET version, and the synthetic network
/// must be the same network for a given seed on every runtime (tests, benchmarks, the demo seed).
/// </summary>
internal struct SyntheticRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SyntheticRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A generator for one independent stream derived from a seed and a stream number.</summary>
    public static SyntheticRandom ForStream(ulong seed, ulong stream)
    {
        var x = seed ^ (stream * 0xD1B54A32D192ED03UL);
        return new SyntheticRandom(SplitMix(ref x));
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, 1], never 0: safe under a logarithm.</summary>
    public double NextOpenDouble() => ((NextULong() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, bound) by Lemire's multiply-shift; bias is below 2^-32 for our bounds.</summary>
    public int NextInt(int bound) => (int)(((NextULong() >> 32) * (ulong)(uint)bound) >> 32);

    /// <summary>Uniform in [min, max).</summary>
    public int NextInt(int min, int max) => min + NextInt(max - min);

    /// <summary>Exponentially distributed with the given mean.</summary>
    public double NextExponential(double mean) => -Math.Log(NextOpenDouble()) * mean;

    public bool Chance(double probability) => NextDouble() < probability;
}
