using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Api.Relay;
using Tandem.Contracts.Hubs;
using Tandem.Contracts.Recommendations;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Api.Recommendations;

/// <summary>
/// The live picks reach the shop (a session's recomputed picks go to the browsers watching that session), and the shop
/// tells what was on screen and what was clicked: the bandit's rewards.
/// </summary>
public static class RecommendationsApi
{
    /// <summary>The most picks one report may name (a list holds six).</summary>
    public const int MaxShownPerReport = 12;

    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        var picks = app.MapGroup("/api/sessions/{sessionId}/picks").WithTags("Sessions").RequireAuthorization(Roles.Shopper);
        picks.MapPost("/shown", Shown).WithName("PicksShown")
            .WithSummary($"The picks of a list (by its session version) the shopper had on screen, at most {MaxShownPerReport}; idempotent");
        picks.MapPost("/click", Click).WithName("PickClicked").WithSummary("A click on a shown pick: credits its strategy once; idempotent");
        app.MapGet("/api/recommendations/arms", Arms).WithTags("Recommendations").RequireAuthorization(Roles.Ops).WithName("GetArmRecords")
            .WithSummary("The bandit's record of every strategy in each segment: clicks, ignored impressions, the weight it is drawn by");
        app.Relay<RecommendationsChanged>(RecommendationsChanged.StreamNamespace, opsKind: null, e => e.At, RelayPicksAsync);
        app.Relay<ArmWeightsChanged>(ArmWeightsChanged.StreamNamespace, ArmWeightsChanged.OpsKind, e => e.At, static (_, _) => Task.CompletedTask); // the control room only
        return app;
    }

    private static async Task<Ok<ArmWeightsChanged[]>> Arms(IGrainFactory grains) =>
        TypedResults.Ok(await Task.WhenAll(Segments.All.Select(s => grains.ArmWeights(s).GetAsync())));

    private static async Task<Results<Ok<PicksShown>, ProblemHttpResult, ValidationProblem>> Shown(
        IGrainFactory grains, ClaimsPrincipal user, string sessionId, PicksShownRequest request)
    {
        var errors = Session(sessionId, request.Version);
        if (request.Skus is not { Count: > 0 and <= MaxShownPerReport })
        {
            errors.Add("skus", $"Name 1–{MaxShownPerReport} skus.");
        }
        else
        {
            for (var i = 0; i < request.Skus.Count; i++)
            {
                errors.Identifier($"skus[{i}]", request.Skus[i]);
            }
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var id = new SessionId(sessionId);
        var recorded = await grains.Recommender(id).ShownAsync(Caller.Of(user).Shopper, id, request.Version!.Value, [.. request.Skus!.OfType<string>()]);
        return recorded is { } count ? TypedResults.Ok(new PicksShown(count)) : NoSession(sessionId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Click(
        IGrainFactory grains, ClaimsPrincipal user, string sessionId, PickClickRequest request)
    {
        var errors = Session(sessionId, request.Version).Identifier("sku", request.Sku);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        return await grains.Session(new SessionId(sessionId)).RecordPickClickAsync(Caller.Of(user).Shopper, request.Version!.Value, request.Sku!) switch
        {
            true => TypedResults.NoContent(),
            false => Problems.Conflict($"Pick {request.Sku} of list {request.Version} was not reported shown in session {sessionId}."),
            null => NoSession(sessionId),
        };
    }

    private static RequestErrors Session(string sessionId, long? version)
    {
        var errors = new RequestErrors();
        if (!Identifier.IsValid(sessionId))
        {
            errors.Add("sessionId", "Not a valid session id.");
        }

        if (version is not >= 0)
        {
            errors.Add("version", "Required: the session version the list was made for (0 or more).");
        }

        return errors;
    }

    private static ProblemHttpResult NoSession(string sessionId) => Problems.NotFound($"No session {sessionId}.");

    private static Task RelayPicksAsync(RelayHubs hubs, RecommendationsChanged picks) =>
        hubs.Shop.Clients.Group(HubContract.Groups.Session(picks.SessionId)).SendAsync(HubContract.Events.Recommendations, picks);
}
