namespace Tandem.Hosting.Simulation;

/// <summary>A simulation's business clock: it stands still until the simulation moves it.</summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    /// <summary>Moves the clock to <paramref name="at"/> if that is later (it never goes back).</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        var now = GetUtcNow();
        if (at > now)
        {
            Advance(at - now);
        }
    }
}
