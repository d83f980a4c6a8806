using Tandem.Grains.Forecasts.Signals;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// The grain tests' signal source: no signals, and a gate a test can close to hold a forecast round where it reads
/// them, so the test sees what the planner does while a round is running.
/// </summary>
public sealed class HeldSignals : IDemandSignalSource
{
    public static HeldSignals Instance { get; } = new();

    private Hold? _hold;

    public string Name => "none";

    /// <summary>Holds every round that reads signals until the returned hold is disposed; <see cref="Hold.Reached"/> completes when one does.</summary>
    public Hold Close()
    {
        var hold = new Hold(this);
        if (Interlocked.CompareExchange(ref _hold, hold, null) is not null)
        {
            throw new InvalidOperationException("The signals are held already.");
        }

        return hold;
    }

    public async Task<IReadOnlyList<SignalReading>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _hold) is { } hold)
        {
            hold.Arrived.TrySetResult();
            await hold.Opened.Task.WaitAsync(cancellationToken);
        }

        return [];
    }

    public sealed class Hold(HeldSignals source) : IDisposable
    {
        internal TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal TaskCompletionSource Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when a round is held at the gate.</summary>
        public Task Reached => Arrived.Task;

        public void Dispose()
        {
            Interlocked.CompareExchange(ref source._hold, null, this);
            Opened.TrySetResult();
        }
    }
}
