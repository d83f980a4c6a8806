namespace Tandem.Grains.Infrastructure;

/// <summary>What Tandem's grain storage answers about the due times it keeps beside states (<see cref="IDueState"/>).</summary>
public interface IDueStates
{
    /// <summary>
    /// Up to <paramref name="limit"/> grains whose stored state named <paramref name="stateName"/> is due at or before
    /// <paramref name="now"/>, earliest first.
    /// </summary>
    Task<IReadOnlyList<GrainId>> DueAsync(string stateName, DateTimeOffset now, int limit);
}
