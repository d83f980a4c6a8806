namespace Tandem.Bench;

/// <summary>Runs an operation from many concurrent workers for a fixed time, bounded in count and time.</summary>
public static class LoadRunner
{
    public static async Task<Summary> RunAsync(string scenario, int concurrency, TimeSpan duration, Func<int, long, Task<bool>> operation)
    {
        // Warm-up, the same load for a fifth of the time (at most 3 s): JIT tiers, grain activations, connections and
        // the garbage of the previous scenario are not part of the measurement.
        using (var warm = new CancellationTokenSource(TimeSpan.FromTicks(Math.Min(duration.Ticks / 5, TimeSpan.FromSeconds(3).Ticks))))
        {
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
            {
                var recorder = new LatencyRecorder(); // warm-up failures are not counted, and do not stop the run
                for (long i = -1; !warm.IsCancellationRequested; i--)
                {
                    await recorder.MeasureAsync(() => operation(w, i));
                }
            })));
        }

        var workers = Enumerable.Range(0, concurrency).Select(_ => new LatencyRecorder()).ToArray();
        using var stop = new CancellationTokenSource(duration);
        var started = TimeProvider.System.GetTimestamp();
        await Task.WhenAll(workers.Select((recorder, w) => Task.Run(async () =>
        {
            for (long i = 0; !stop.IsCancellationRequested; i++)
            {
                await recorder.MeasureAsync(() => operation(w, i));
            }
        })));
        return LatencyRecorder.Summarise(scenario, workers, TimeProvider.System.GetElapsedTime(started));
    }
}
