using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Api.Relay;
using Tandem.Contracts.Forecasts;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Forecasts;

/// <summary>Demand forecasts per SKU-location (forecast against actuals, quantiles, stage, signals, stock advice) and the planner's rounds, for operators.</summary>
public static class ForecastsApi
{
    /// <summary>How many days of actuals a forecast is shown with (before its origin, and the days since).</summary>
    public const int ActualDays = 28;

    public static IEndpointRouteBuilder MapForecastsApi(this IEndpointRouteBuilder app)
    {
        var forecasts = app.MapGroup("/api/forecasts").WithTags("Forecasts").RequireAuthorization(Roles.Ops);
        forecasts.MapGet("", GetPlanner).WithName("GetForecastPlanner")
            .WithSummary("The forecast planner: cells known and waiting, the served model, the last rounds");
        forecasts.MapGet("/{sku}/{locationId}", GetForecast).WithName("GetForecast")
            .WithSummary("A SKU-location's latest forecast with its quantiles, stage, model, signals and stock advice, beside its actual sales");
        app.Relay<ForecastChanged>(ForecastChanged.StreamNamespace, ForecastChanged.OpsKind, e => e.At, static (_, _) => Task.CompletedTask); // the control room only
        return app;
    }

    private static async Task<Ok<ForecastPlannerView>> GetPlanner(IGrainFactory grains) =>
        TypedResults.Ok(await grains.ForecastPlanner().GetAsync());

    private static async Task<Results<Ok<ForecastResponse>, ProblemHttpResult>> GetForecast(IGrainFactory grains, TimeProvider clock, string sku, string locationId)
    {
        if (!Identifier.IsValid(sku) || !Identifier.IsValid(locationId))
        {
            return Problems.BadRequest("The sku and the location are identifiers: up to 64 letters, digits, '-', '_' or '.', starting with a letter or digit.");
        }

        var catalog = grains.Catalog();
        if (await catalog.GetProductAsync(sku) is null || !(await catalog.GetLocationsAsync()).Any(l => l.Id == locationId))
        {
            return Problems.NotFound($"No product {sku} at a location {locationId}.");
        }

        var cell = new CellKey(sku, locationId);
        var forecast = await grains.Forecast(cell).GetAsync();
        if (forecast is null)
        {
            return Problems.NotFound($"{cell} has no forecast yet: cells are forecast once they have sales, at the planner's next round.");
        }

        var demand = await grains.Demand(cell).GetAsync();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = forecast.Origin.AddDays(1 - ActualDays);
        return TypedResults.Ok(new ForecastResponse(
            sku,
            locationId,
            forecast,
            [.. demand.Days.Where(d => d.Day >= from && d.Day < today).Select(d => new ActualDay(d.Day, d.Units, d.Returned))],
            demand.Days.Where(d => d.Day == today).Sum(d => d.Units)));
    }
}
