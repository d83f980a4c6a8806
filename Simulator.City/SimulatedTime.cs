namespace Tandem.Simulator.City;

/// <summary>Simulated time runs <see cref="Pace"/> times faster than the wall clock.</summary>
public sealed class SimulatedTime(double pace)
{
    public double Pace { get; } = pace;

    /// <summary>Waits <paramref name="simulated"/> of simulated time.</summary>
    public Task WaitAsync(TimeSpan simulated, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, simulated.TotalMilliseconds / Pace)), cancellationToken);

    /// <summary>Simulated seconds for a duration drawn uniformly from [<paramref name="min"/>, <paramref name="max"/>] seconds.</summary>
    public static TimeSpan Between(Random random, double min, double max) => TimeSpan.FromSeconds(min + random.NextDouble() * (max - min));
}
