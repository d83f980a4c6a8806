using Tandem.Contracts.Weather;

namespace Tandem.Grains.Weather;

[GenerateSerializer, Alias("tandem.weather-state")]
public sealed class WeatherState
{
    /// <summary>Areas of rain by id; ones whose time has passed are dropped with the next change.</summary>
    [Id(0)] public Dictionary<string, RainArea> Rain { get; set; } = new(StringComparer.Ordinal);
}
