namespace Tandem.Grains.Infrastructure;

/// <summary>What Tandem's grain storage answers about the due times it keeps beside states (<see cref="IDueState"/>).</summary>
public interface IDueStates
{
    /// <summary>
    /// Up to <paramref name="limit"/> grains whose stored state named <paramref name="stateName"/> is due at or before
    /// <paramref name="now"/>, earliest first (ties by grain id), starting after <paramref name="after"/>: the last
    /// grain of the previous page, so a caller reads every due grain once even when the first pages stay due.
    /// </summary>
    Task<IReadOnlyList<DueGrain>> DueAsync(string stateName, DateTimeOffset now, int limit, DueGrain? after = null);
}

/// <summary>A grain whose stored state is due, and when it was due; ordered by due time, then grain id.</summary>
public readonly record struct DueGrain(GrainId Grain, DateTimeOffset DueAt);
