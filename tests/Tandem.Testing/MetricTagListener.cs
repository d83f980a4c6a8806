using System.Diagnostics.Metrics;

namespace Tandem.Tests.Infrastructure;

/// <summary>The value of one tag of the next measurement Tandem records on one of its counters.</summary>
public sealed class MetricTagListener<T> : IDisposable
{
    private readonly MeterListener _listener = new();
    private TaskCompletionSource<T> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="instrument">The counter, e.g. <c>tandem.push.sent</c>.</param>
    /// <param name="tag">The tag whose value is wanted, e.g. <c>status</c>.</param>
    /// <param name="only">Only measurements carrying this tag and value (other fixtures record on the same counters).</param>
    public MetricTagListener(string instrument, string tag, (string Key, string Value)? only = null)
    {
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Meter.Name == "Tandem" && published.Name == instrument)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            if (only is { } filter && !Carries(tags, filter.Key, filter.Value))
            {
                return;
            }

            foreach (var pair in tags)
            {
                if (pair.Key == tag)
                {
                    _next.TrySetResult((T)pair.Value!);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The tag's value in the next measurement from now on.</summary>
    public Task<T> Next()
    {
        _next = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        return _next.Task;
    }

    public void Dispose() => _listener.Dispose();

    private static bool Carries(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key, string value)
    {
        foreach (var pair in tags)
        {
            if (pair.Key == key && value.Equals(pair.Value as string, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
