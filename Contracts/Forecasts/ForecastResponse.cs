namespace Tandem.Contracts.Forecasts;

/// <summary><c>GET /api/forecasts/{sku}/{locationId}</c>: the latest forecast, the actual sales of the days before and after its origin, and today's so far.</summary>
public sealed record ForecastResponse(string Sku, string LocationId, CellForecast Forecast, IReadOnlyList<ActualDay> Actuals, int SoldToday);

/// <summary>A day's actual units sold and returned.</summary>
public sealed record ActualDay(DateOnly Day, int Units, int Returned);
