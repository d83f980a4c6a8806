using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Contracts.Supply;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Supply;

namespace Tandem.Api.Supply;

/// <summary>Replenishment: the forecast planner's suggestions, accepted with one action, and the transfers they start.</summary>
public static class SupplyApi
{
    public static IEndpointRouteBuilder MapSupplyApi(this IEndpointRouteBuilder app)
    {
        var supply = app.MapGroup("/api/supply").WithTags("Supply").RequireAuthorization(Roles.Ops);
        supply.MapGet("/suggestions", GetSuggestions).WithName("GetSupplySuggestions")
            .WithSummary("Pending replenishment suggestions (riskiest first), then the accepted ones (newest first)");
        supply.MapPost("/suggestions/{id}/accept", Accept).WithName("AcceptSupplySuggestion")
            .WithSummary("Accepts a suggestion: starts its transfer (the warehouse's units leave at once); idempotent");
        supply.MapGet("/slow-movers", GetSlowMovers).WithName("GetSlowMovers")
            .WithSummary("SKUs flagged as slow movers (newest first): why, the promotion each started, daily sales before and since");
        supply.MapGet("/transfers/{id}", GetTransfer).WithName("GetTransfer").WithSummary("One transfer");
        supply.MapPost("/transfers/{id}/receive", Receive).WithName("ReceiveTransfer")
            .WithSummary("The transfer's units arrived: the store's cell receives them once; idempotent");
        return app;
    }

    private static async Task<Ok<SupplySuggestion[]>> GetSuggestions(IGrainFactory grains) =>
        TypedResults.Ok((await grains.SupplyPlan().GetAsync()).ToArray());

    private static async Task<Ok<SlowMoverView[]>> GetSlowMovers(IGrainFactory grains) =>
        TypedResults.Ok((await grains.SlowMovers().GetAsync()).ToArray());

    private static async Task<Results<Ok<TransferView>, ProblemHttpResult>> Accept(IGrainFactory grains, ClaimsPrincipal user, string id)
    {
        if (!Identifier.IsValid(id) || !id.StartsWith("sg-", StringComparison.Ordinal))
        {
            return Problems.BadRequest("A suggestion id is sg- and up to 61 letters, digits, '-', '_' or '.'.");
        }

        var answer = await grains.SupplyPlan().AcceptAsync(id, Caller.Of(user).Actor);
        return answer.Refused switch
        {
            AcceptRefusal.None => TypedResults.Ok(answer.Transfer!),
            AcceptRefusal.Unknown => Problems.NotFound(answer.Detail ?? $"No suggestion {id}."),
            _ => Problems.Conflict(answer.Detail ?? "The suggestion cannot be accepted now."),
        };
    }

    private static async Task<Results<Ok<TransferView>, ProblemHttpResult>> GetTransfer(IGrainFactory grains, string id) =>
        !Identifier.IsValid(id) ? Problems.BadRequest("A transfer id is up to 64 letters, digits, '-', '_' or '.'.")
        : await grains.Transfer(id).GetAsync() is { } transfer ? TypedResults.Ok(transfer)
        : Problems.NotFound($"No transfer {id}.");

    private static async Task<Results<Ok<TransferView>, ProblemHttpResult>> Receive(IGrainFactory grains, ClaimsPrincipal user, string id)
    {
        if (!Identifier.IsValid(id))
        {
            return Problems.BadRequest("A transfer id is up to 64 letters, digits, '-', '_' or '.'.");
        }

        var answer = await grains.Transfer(id).ReceiveAsync(Caller.Of(user).Actor);
        return answer.Unknown ? Problems.NotFound($"No transfer {id}.")
            : answer.Refused is { } why ? Problems.Conflict(why)
            : TypedResults.Ok(answer.Transfer!);
    }
}
