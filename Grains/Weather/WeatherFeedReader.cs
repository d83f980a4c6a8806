using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Weather;

/// <summary>
/// Reads the weather feed every <see cref="WeatherOptions.ReadEvery"/> into the weather grain (each silo reads; the same
/// reading twice changes nothing). A reading that fails or is refused leaves the last one in place until its areas end.
/// Without a feed configured it does nothing.
/// </summary>
public sealed class WeatherFeedReader(IWeatherFeed feed, IGrainFactory grains, IOptions<WeatherOptions> options, ILogger<WeatherFeedReader> logger) : BackgroundService
{
    private int _lastCount = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Feed.Length == 0)
        {
            return;
        }

        using var tick = new PeriodicTimer(options.Value.ReadEvery);
        do
        {
            await ReadOnceAsync(stoppingToken);
        }
        while (await tick.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One reading into the weather grain; false when the feed could not be read.</summary>
    public async Task<bool> ReadOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var areas = await feed.ReadAsync(cancellationToken);
            await grains.Weather().ReplaceFeedAsync(areas);
            if (areas.Count != _lastCount)
            {
                logger.FeedRead(feed.Name, areas.Count);
                _lastCount = areas.Count;
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.FeedUnreadable(ex, feed.Name);
            return false;
        }
    }
}
