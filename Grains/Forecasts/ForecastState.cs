using Tandem.Contracts.Forecasts;

namespace Tandem.Grains.Forecasts;

[GenerateSerializer, Alias("tandem.forecast-state")]
public sealed class ForecastState
{
    [Id(0)] public CellForecast? Latest { get; set; }
}
