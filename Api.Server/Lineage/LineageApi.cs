using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Contracts.Lineage;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Lineage;

/// <summary>Lineage for operators: a decision walked back to the events that caused it.</summary>
public static class LineageApi
{
    public static IServiceCollection AddLineage(this IServiceCollection services) =>
        services
            .AddSingleton<ILineageSource, OrderLineage>()
            .AddSingleton<ILineageSource, SupplyLineage>()
            .AddSingleton<ILineageSource, RecommendationLineage>()
            .AddSingleton<LineageWalker>();

    public static IEndpointRouteBuilder MapLineageApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/lineage/runs", Runs).WithTags("Lineage").RequireAuthorization(Roles.Ops)
            .WithName("GetLineageRuns")
            .WithSummary("Operator: the forecast planner's last rounds (re-forecasts and retraining) as OpenLineage run events, START and COMPLETE, oldest first");
        app.MapGet("/api/lineage/{id}", Get).WithTags("Lineage").RequireAuthorization(Roles.Ops)
            .WithName("GetLineage")
            .WithSummary("Operator: a decision ({kind}:{key}: picks (a session's list, {session} or {session}@{version}), forecast, suggestion, slow-mover, promotion, dispatch, packing, return-grade; or an order, session, demand, courier, experiment) with its inputs, model and version, walked back breadth first to the events that caused it");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<OpenLineageRunEvent>>> Runs(IGrainFactory grains) =>
        TypedResults.Ok<IReadOnlyList<OpenLineageRunEvent>>([.. RunEvents.Of((await grains.ForecastPlanner().GetAsync()).Rounds)]);

    private static async Task<Results<Ok<LineageGraph>, ValidationProblem, ProblemHttpResult>> Get(LineageWalker walker, string id)
    {
        if (!walker.TrySplit(id, out _, out _))
        {
            return Problems.Invalid(new RequestErrors().Add("id", $"{{kind}}:{{key}} of a kind among {string.Join(", ", walker.Kinds.Order(StringComparer.Ordinal))}, its key well formed (an order's id, a cell sku@location, a sku …)."));
        }

        return await walker.WalkAsync(id) is { } graph ? TypedResults.Ok(graph) : Problems.NotFound($"Nothing is known of {id}.");
    }
}
