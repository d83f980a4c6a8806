namespace Tandem.DispatchDay;

/// <summary>The day's business clock: it stands still until the simulation moves it.</summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
