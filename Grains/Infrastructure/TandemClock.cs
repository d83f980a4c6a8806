namespace Tandem.Grains.Infrastructure;

/// <summary>
/// Grains read business time (reservation expiry, history stamps) from a keyed <see cref="TimeProvider"/>,
/// so tests can move it without also moving the Orleans runtime's own timers.
/// </summary>
public static class TandemClock
{
    public const string Key = "tandem";
}
