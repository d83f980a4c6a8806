using Microsoft.Extensions.Logging;

using Tandem.Contracts.Experiments;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Experiments;

/// <summary>
/// The running experiments as one activation sees them: read from the experiments' list at most every
/// <see cref="RefreshEvery"/>; when the list cannot be read, the last one read is kept (and none before the first read).
/// A start or a stop therefore reaches the recommenders within <see cref="RefreshEvery"/>.
/// </summary>
public sealed class RunningExperimentsCache(IGrainFactory grains, TimeProvider clock, ILogger logger)
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private IReadOnlyList<ExperimentDefinition> _running = [];
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public async Task<IReadOnlyList<ExperimentDefinition>> GetAsync()
    {
        var now = clock.GetUtcNow();
        if (now - _readAt < RefreshEvery)
        {
            return _running;
        }

        try
        {
            _running = (await grains.ExperimentDirectory().RunningAsync()).Experiments;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.RunningUnread(ex);
        }

        _readAt = now;
        return _running;
    }
}
