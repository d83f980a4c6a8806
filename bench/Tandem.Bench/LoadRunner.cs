namespace Tandem.Bench;

/// <summary>Runs an operation from many concurrent workers for a fixed time, bounded in count and time.</summary>
public static class LoadRunner
{
    public static async Task<Summary> RunAsync(string scenario, int concurrency, TimeSpan duration, Func<int, long, Task<bool>> operation)
    {
        // Warm-up: JIT, grain activations and connections are not part of the measurement.
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => operation(w, -1 - w)));

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
