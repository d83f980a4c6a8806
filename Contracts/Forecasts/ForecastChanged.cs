namespace Tandem.Contracts.Forecasts;

/// <summary>A SKU-location was re-forecast. Published on <see cref="StreamNamespace"/> by its forecast grain (entity: the cell), for the control room.</summary>
[GenerateSerializer, Immutable, Alias("tandem.forecast-changed")]
public sealed record ForecastChanged
{
    public const string StreamNamespace = "tandem.forecasts";

    /// <summary>What the control room's feed calls these events (<c>OpsEvent.Kind</c>).</summary>
    public const string OpsKind = "forecastChanged";

    [Id(0)] public required CellForecast Forecast { get; init; }

    public DateTimeOffset At => Forecast.MadeAt;
}
