namespace Tandem.Simulator.City;

/// <summary>
/// Seeds for the simulation's random streams, derived from the run's seed the same way in every process (unlike
/// <see cref="HashCode"/>, which is randomized per process), so one seed replays the same choices.
/// </summary>
public static class Seeds
{
    /// <summary>The seed of visit <paramref name="visit"/> in a run seeded with <paramref name="seed"/> (SplitMix64 finalizer).</summary>
    public static int ForVisit(int seed, int visit)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)visit) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }
}
