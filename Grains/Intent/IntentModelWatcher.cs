using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Tandem.Grains.Intent;

/// <summary>Looks for a newer purchase-intent model when the silo starts and every <see cref="IntentOptions.ReloadEvery"/> after.</summary>
public sealed class IntentModelWatcher(IntentModels models, IOptions<IntentOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        models.Refresh();
        using var timer = new PeriodicTimer(options.Value.ReloadEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            models.Refresh();
        }
    }
}
