using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Api.Orders;
using Tandem.Contracts.Experiments;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Experiments;

/// <summary>The A/B platform for operators: experiments defined, started and stopped, and their results so far.</summary>
public static class ExperimentsApi
{
    public static IEndpointRouteBuilder MapExperimentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments").WithTags("Experiments").RequireAuthorization(Roles.Ops);
        api.MapGet("/", async (IGrainFactory grains) => TypedResults.Ok((await grains.ExperimentDirectory().ListAsync()).ToArray()))
            .WithName("ListExperiments").WithSummary("Every experiment, the newest created first");
        api.MapPost("/", Create).WithName("CreateExperiment")
            .WithSummary("Defines an experiment (a draft: nobody is assigned until it starts); the same definition again is a replay, another under the id 409");
        api.MapGet("/{id}", Get).WithName("GetExperiment")
            .WithSummary("An experiment with its results so far: exposed units, conversion and revenue per unit per variant with 95 % intervals against the control, the sample-ratio check");
        api.MapPost("/{id}/start", (IGrainFactory grains, ClaimsPrincipal user, string id) => Act(grains, user, id, e => e.StartAsync(Caller.Of(user).Actor)))
            .WithName("StartExperiment")
            .WithSummary("Starts assigning units; idempotent. 409 after a stop, or while another running experiment changes the same setting for the same segments");
        api.MapPost("/{id}/stop", (IGrainFactory grains, ClaimsPrincipal user, string id) => Act(grains, user, id, e => e.StopAsync(Caller.Of(user).Actor)))
            .WithName("StopExperiment").WithSummary("Stops assigning units (the results stay); idempotent");
        return app;
    }

    private static async Task<Results<Created<ExperimentView>, ProblemHttpResult, ValidationProblem>> Create(
        IGrainFactory grains, HttpContext http, ClaimsPrincipal user, CreateExperimentRequest body)
    {
        if (Central(user) is { } refused)
        {
            return refused;
        }

        if (ExperimentRequests.Definition(body, out var errors) is not { } definition)
        {
            return Problems.Invalid(errors);
        }

        var result = await grains.Experiment(definition.Id).CreateAsync(definition, Caller.Of(user).Actor);
        if (result.Outcome == ExperimentOutcome.Replayed)
        {
            http.Response.Headers[OrdersApi.ReplayedHeader] = "true";
        }

        return result.Outcome is ExperimentOutcome.Applied or ExperimentOutcome.Replayed
            ? TypedResults.Created($"/api/experiments/{definition.Id}", result.Experiment!)
            : Problems.Conflict(result.Detail ?? $"Experiment {definition.Id} exists with another definition.");
    }

    private static async Task<Results<Ok<ExperimentDetail>, ProblemHttpResult>> Get(IGrainFactory grains, string id)
    {
        if (!Identifier.IsValid(id))
        {
            return Problems.BadRequest(ExperimentRequests.IdRule);
        }

        var experiment = grains.Experiment(id);
        return await experiment.GetAsync() is { } view
            ? TypedResults.Ok(new ExperimentDetail(view, await experiment.GetResultsAsync()))
            : Problems.NotFound($"No experiment {id}.");
    }

    private static async Task<Results<Ok<ExperimentView>, ProblemHttpResult>> Act(
        IGrainFactory grains, ClaimsPrincipal user, string id, Func<IExperimentGrain, Task<ExperimentResult>> act)
    {
        if (Central(user) is { } refused)
        {
            return refused;
        }

        if (!Identifier.IsValid(id))
        {
            return Problems.BadRequest(ExperimentRequests.IdRule);
        }

        var result = await act(grains.Experiment(id));
        return result.Outcome switch
        {
            ExperimentOutcome.Applied or ExperimentOutcome.Replayed => TypedResults.Ok(result.Experiment!),
            ExperimentOutcome.NotFound => Problems.NotFound(result.Detail ?? $"No experiment {id}."),
            _ => Problems.Conflict(result.Detail ?? $"Experiment {id} cannot do that now."),
        };
    }

    /// <summary>Experiments change the product for every store's shoppers: central operations run them, a store's staff only reads them.</summary>
    private static ProblemHttpResult? Central(ClaimsPrincipal user) =>
        Caller.Of(user).Store is { } store ? Problems.Forbidden($"Experiments are run by central operations, not by the staff of {store}.") : null;
}
