using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Contracts.Weather;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Weather;

/// <summary>Where it rains: the weather feed's areas and the ones operators (or the simulator) set; dispatch slows rides under them.</summary>
public static class WeatherApi
{
    public const double MaxRadiusKm = 50;
    public const double MaxMmPerHour = 300;
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(7);

    public static IEndpointRouteBuilder MapWeatherApi(this IEndpointRouteBuilder app)
    {
        var weather = app.MapGroup("/api/weather").WithTags("Weather").RequireAuthorization(Roles.Ops);
        weather.MapGet("", Get).WithName("GetWeather").WithSummary("The areas where it rains now");
        weather.MapPut("/rain/{id}", SetRain).WithName("SetRain")
            .WithSummary($"Rain over a circle (radius up to {MaxRadiusKm} km) until a time (within 7 days), replacing the area of that id; idempotent");
        weather.MapDelete("/rain/{id}", ClearRain).WithName("ClearRain").WithSummary("Ends the area of rain of that id; idempotent");
        return app;
    }

    private static async Task<Ok<WeatherResponse>> Get(IGrainFactory grains, TimeProvider clock) =>
        TypedResults.Ok(new WeatherResponse(clock.GetUtcNow(), await grains.Weather().GetRainAsync()));

    private static async Task<Results<Ok<RainArea>, ValidationProblem>> SetRain(IGrainFactory grains, TimeProvider clock, string id, RainRequest request)
    {
        var now = clock.GetUtcNow();
        var errors = new RequestErrors().Identifier("id", id).Position("position", request.Lat, request.Lon);
        if (request.RadiusKm is not (> 0 and <= MaxRadiusKm))
        {
            errors.Add("radiusKm", $"Required, above 0 and at most {MaxRadiusKm} km.");
        }

        if (request.MmPerHour is { } mm && !(mm is > 0 and <= MaxMmPerHour))
        {
            errors.Add("mmPerHour", $"Above 0 and at most {MaxMmPerHour}.");
        }

        if (request.Until is not { } until || until <= now || until > now + MaxAhead)
        {
            errors.Add("until", "Required, in the future and within 7 days.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var area = new RainArea
        {
            Id = id, Lat = request.Lat!.Value, Lon = request.Lon!.Value, RadiusKm = request.RadiusKm!.Value, MmPerHour = request.MmPerHour ?? 4,
            Until = request.Until!.Value.ToUniversalTime(), Source = "ops",
        };
        await grains.Weather().SetRainAsync(area);
        return TypedResults.Ok(area);
    }

    private static async Task<Results<NoContent, ValidationProblem>> ClearRain(IGrainFactory grains, string id)
    {
        var errors = new RequestErrors().Identifier("id", id);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        await grains.Weather().ClearRainAsync(id);
        return TypedResults.NoContent();
    }
}
