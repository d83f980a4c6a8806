using Tandem.Contracts.Forecasts;

namespace Tandem.Grains.Interfaces.Forecasts;

/// <summary>One SKU-location's latest forecast (key <c>sku@location</c>) with its inputs, written by the planner and published.</summary>
public interface IForecastGrain : IGrainWithStringKey
{
    /// <summary>Keeps <paramref name="forecast"/> unless an equal or newer one (by time made) is kept; publishes it. Idempotent.</summary>
    Task SetAsync(CellForecast forecast);

    [ReadOnly, AlwaysInterleave]
    Task<CellForecast?> GetAsync();
}
