using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Contracts.Experiments;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Experiments;

/// <summary>
/// The running experiments as this silo sees them (one per silo, shared by its recommenders and sessions): read from the
/// experiments' list at most every <see cref="ExperimentOptions.RefreshEvery"/>, one read at a time; when the list cannot be read, the last
/// one read is kept (none before the first). A start or a stop therefore reaches every silo within <see cref="ExperimentOptions.RefreshEvery"/>.
/// </summary>
public sealed class LiveExperiments(
    IGrainFactory grains, [FromKeyedServices(TandemClock.Key)] TimeProvider clock, IOptions<ExperimentOptions> options, ILogger<LiveExperiments> logger) : IDisposable
{
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Snapshot _snapshot = new([], DateTimeOffset.MinValue);

    public async Task<IReadOnlyList<ExperimentView>> GetAsync()
    {
        var known = _snapshot;
        if (clock.GetUtcNow() - known.ReadAt < options.Value.RefreshEvery)
        {
            return known.Experiments;
        }

        await _reading.WaitAsync();
        try
        {
            known = _snapshot;
            var now = clock.GetUtcNow();
            if (now - known.ReadAt < options.Value.RefreshEvery)
            {
                return known.Experiments; // read by another caller meanwhile
            }

            IReadOnlyList<ExperimentView> running = known.Experiments;
            try
            {
                running = (await grains.ExperimentDirectory().RunningAsync()).Experiments;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.RunningUnread(ex);
            }

            _snapshot = new Snapshot(running, now);
            return running;
        }
        finally
        {
            _reading.Release();
        }
    }

    public void Dispose() => _reading.Dispose();

    private sealed record Snapshot(IReadOnlyList<ExperimentView> Experiments, DateTimeOffset ReadAt);
}
