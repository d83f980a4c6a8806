using System.Diagnostics;

namespace Tandem.Bench;

/// <summary>Per-worker latency samples, merged once the run is over.</summary>
public sealed class LatencyRecorder
{
    private readonly List<long> _ticks = new(capacity: 1 << 16);

    public int Failures { get; private set; }

    /// <summary>The first exception an operation threw, if any (a throw counts as a failure, it does not stop the run).</summary>
    public Exception? FirstError { get; private set; }

    public async Task MeasureAsync(Func<Task<bool>> operation)
    {
        var start = Stopwatch.GetTimestamp();
        bool ok;
        try
        {
            ok = await operation();
        }
        catch (Exception ex)
        {
            FirstError ??= ex;
            ok = false;
        }

        var elapsed = Stopwatch.GetTimestamp() - start;
        if (ok)
        {
            _ticks.Add(elapsed);
        }
        else
        {
            Failures++;
        }
    }

    public static Summary Summarise(string scenario, IReadOnlyList<LatencyRecorder> workers, TimeSpan duration)
    {
        var all = workers.SelectMany(w => w._ticks).Order().ToArray();
        double Ms(double quantile) =>
            all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(quantile * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new Summary(scenario, all.Length, workers.Sum(w => w.Failures), all.Length / duration.TotalSeconds, Ms(0.50), Ms(0.99),
            workers.Select(w => w.FirstError).FirstOrDefault(e => e is not null));
    }
}

public sealed record Summary(string Scenario, int Operations, int Failures, double PerSecond, double P50Ms, double P99Ms, Exception? FirstError = null);
