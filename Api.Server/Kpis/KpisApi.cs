using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Contracts.Kpis;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Kpis;

/// <summary>The live KPIs for operators: the city and each region over a sliding window, read from the KPI grains.</summary>
public static class KpisApi
{
    public static IEndpointRouteBuilder MapKpisApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/kpis", Get).WithTags("Kpis").RequireAuthorization(Roles.Ops)
            .WithName("GetKpis")
            .WithSummary("Operator: NPS, return rate, on-time %, conversion, average order value, recommendation CTR and packing fill of the city and each region over the last 15m, 1h or 24h (window, default 15m), with the window before and the trend inside it");
        return app;
    }

    private static async Task<Results<Ok<KpiBoard>, ValidationProblem>> Get(IGrainFactory grains, string? window)
    {
        if (!KpiWindows.TryParse(window ?? "15m", out var chosen))
        {
            return Problems.Invalid(new RequestErrors().Add("window", "One of 15m, 1h, 24h."));
        }

        return TypedResults.Ok(await grains.KpiBoard().GetAsync(chosen));
    }
}
