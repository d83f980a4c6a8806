namespace Tandem.Grains.Infrastructure;

/// <summary>
/// A grain state that says when its grain must next be woken. The grain storage keeps that time beside the state,
/// in the same write, so the state and the promise to look at it again can never disagree after a crash; a sweeper
/// asks the storage for the grains that are due (<see cref="IDueStates"/>).
/// </summary>
public interface IDueState
{
    /// <summary>When the grain must next be woken; null: not until it writes another time.</summary>
    DateTimeOffset? DueAt { get; }
}
