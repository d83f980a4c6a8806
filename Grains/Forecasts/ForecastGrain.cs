using Microsoft.Extensions.Logging;

using Tandem.Contracts.Forecasts;
using Tandem.Grains.Demand;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Forecasts;

namespace Tandem.Grains.Forecasts;

/// <summary>One SKU-location's latest forecast; see <see cref="IForecastGrain"/>.</summary>
public sealed class ForecastGrain(
    [PersistentState("forecast", StorageNames.Grains)] IPersistentState<ForecastState> state,
    IDemandFacts facts,
    ILogger<ForecastGrain> logger) : Grain, IForecastGrain
{
    private EventPublisher? _events;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new EventPublisher(this, logger);
        return Task.CompletedTask;
    }

    public async Task SetAsync(CellForecast forecast)
    {
        if (state.State.Latest is { } kept && kept.MadeAt >= forecast.MadeAt)
        {
            return;
        }

        state.State.Latest = forecast;
        await state.WriteStateAsync();
        try
        {
            await facts.SaveForecastAsync(forecast, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.ForecastFactsFailed(ex, this.GetPrimaryKeyString());
        }

        await _events!.PublishAsync(ForecastChanged.StreamNamespace, this.GetPrimaryKeyString(), new ForecastChanged { Forecast = forecast });
    }

    public Task<CellForecast?> GetAsync() => Task.FromResult(state.State.Latest);
}
