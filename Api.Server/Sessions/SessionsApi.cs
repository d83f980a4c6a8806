using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Api.Relay;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Experiments;
using Tandem.Contracts.Recommendations;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Sessions;

namespace Tandem.Api.Sessions;

/// <summary>Shopper sessions: cart and behaviour capture.</summary>
public static class SessionsApi
{
    private static readonly Dictionary<string, BehaviourType> Types = new(StringComparer.Ordinal)
    {
        ["view"] = BehaviourType.View,
        ["dwell"] = BehaviourType.Dwell,
        ["scroll"] = BehaviourType.Scroll,
        ["click"] = BehaviourType.Click,
        ["sizeChart"] = BehaviourType.SizeChart,
        ["addToCart"] = BehaviourType.AddToCart,
        ["scrollSpeed"] = BehaviourType.ScrollSpeed,
    };

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        // A session belongs to the first shopper who uses it; to anyone else it does not exist.
        var api = app.MapGroup("/api/sessions/{sessionId}").WithTags("Sessions").RequireAuthorization(Roles.Shopper);
        api.MapGet("/", Get).WithName("GetSession").WithSummary("The shopper's own session: cart, recent behaviour and open orders");
        api.MapGet("/recommendations", GetRecommendations).WithName("GetRecommendations")
            .WithSummary("The session's live picks: products of the scenes and categories its behaviour points to, best first");
        api.MapGet("/layout", GetLayout).WithName("GetPageLayout")
            .WithSummary("The layout of the session's product pages: a running experiment's variant for the session (its exposure recorded), else the shop's own; idempotent");
        api.MapPost("/cart", SetCartLine).WithName("SetCartLine").WithSummary("Set a cart line's quantity (0 removes); idempotent");
        api.MapPost("/events", RecordEvents).WithName("RecordBehaviour")
            .WithSummary($"Record up to {SessionLimits.MaxEventsPerBatch} behaviour events; a re-sent batch is not counted twice; lat/lon: where the shopper shops for (with the first batch, the region whose KPIs count the session)")
            .WithBodyLimit(256 * 1024)
            .RequireRateLimiting(RateLimits.Events);

        app.Relay<SessionChanged>(SessionChanged.StreamNamespace, SessionChanged.OpsKind, e => e.At, static (_, _) => Task.CompletedTask); // the control room only
        return app;
    }


    private static async Task<Results<Ok<SessionView>, ProblemHttpResult>> Get(IGrainFactory grains, ClaimsPrincipal user, string sessionId)
    {
        var session = Identifier.IsValid(sessionId) ? await grains.Session(new SessionId(sessionId)).GetAsync() : null;
        return session is null || (session.ShopperId is { } owner && owner != Caller.Of(user).Subject)
            ? NoSession(sessionId)
            : TypedResults.Ok(session);
    }

    private static async Task<Results<Ok<RecommendationsChanged>, ProblemHttpResult>> GetRecommendations(IGrainFactory grains, ClaimsPrincipal user, string sessionId)
    {
        var session = Identifier.IsValid(sessionId) ? await grains.Session(new SessionId(sessionId)).GetAsync() : null;
        if (session is null || (session.ShopperId is { } owner && owner != Caller.Of(user).Subject))
        {
            return NoSession(sessionId);
        }

        return TypedResults.Ok(await grains.Recommender(new SessionId(sessionId)).GetAsync(new SessionId(sessionId)));
    }

    private static async Task<Results<Ok<PageLayoutChoice>, ProblemHttpResult>> GetLayout(IGrainFactory grains, ClaimsPrincipal user, string sessionId) =>
        Identifier.IsValid(sessionId) && await grains.Session(new SessionId(sessionId)).ChooseLayoutAsync(new ShopperId(Caller.Of(user).Subject)) is { } layout
            ? TypedResults.Ok(layout)
            : NoSession(sessionId);

    private static async Task<Results<Ok<SessionView>, ProblemHttpResult, ValidationProblem>> SetCartLine(
        IGrainFactory grains, ClaimsPrincipal user, string sessionId, CartLineRequest request)
    {
        var errors = new RequestErrors().Identifier("sku", request.Sku).Quantity("quantity", request.Quantity, min: 0);
        if (!Identifier.IsValid(sessionId))
        {
            errors.Add("sessionId", "Not a valid session id.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (await grains.Catalog().GetProductAsync(request.Sku!) is null)
        {
            return Problems.NotFound($"No product {request.Sku}.");
        }

        var view = await grains.Session(new SessionId(sessionId)).SetCartLineAsync(Caller.Of(user).Shopper, request.Sku!, request.Quantity!.Value);
        return view is null ? NoSession(sessionId) : TypedResults.Ok(view);
    }

    private static async Task<Results<Accepted<EventsAccepted>, ProblemHttpResult, ValidationProblem>> RecordEvents(
        IGrainFactory grains, ClaimsPrincipal user, string sessionId, List<BehaviourEventDto?> batch, double? lat, double? lon)
    {
        var errors = new RequestErrors();
        if (!Identifier.IsValid(sessionId))
        {
            errors.Add("sessionId", "Not a valid session id.");
        }

        if (lat is not null || lon is not null)
        {
            errors.Position("lat", lat, lon);
        }

        if (batch.Count > SessionLimits.MaxEventsPerBatch)
        {
            return Problems.Invalid(errors.Add("events", $"At most {SessionLimits.MaxEventsPerBatch} events per batch."));
        }

        var events = new List<BehaviourEvent>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (Map(batch[i], $"[{i}]", errors) is { } e)
            {
                events.Add(e);
            }
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var place = lat is { } la && lon is { } lo ? new GeoPoint { Lat = la, Lon = lo } : null;
        var accepted = await grains.Session(new SessionId(sessionId)).RecordEventsAsync(Caller.Of(user).Shopper, events, place);
        return accepted is { } count
            ? TypedResults.Accepted($"/api/sessions/{sessionId}", new EventsAccepted(batch.Count, count))
            : NoSession(sessionId);
    }

    private static ProblemHttpResult NoSession(string sessionId) => Problems.NotFound($"No session {sessionId}.");

    private static BehaviourEvent? Map(BehaviourEventDto? dto, string field, RequestErrors errors)
    {
        if (dto is null)
        {
            errors.Add(field, "Required.");
            return null;
        }

        var ok = true;
        if (dto.Type is null || !Types.TryGetValue(dto.Type, out var type))
        {
            errors.Add($"{field}.type", $"Must be one of: {string.Join(", ", Types.Keys)}.");
            ok = false;
            type = default;
        }

        if (dto.At is null)
        {
            errors.Add($"{field}.at", "Required.");
            ok = false;
        }

        if (dto.Sku is not null && !Identifier.IsValid(dto.Sku))
        {
            errors.Add($"{field}.sku", "Not a valid sku.");
            ok = false;
        }

        if (dto.Value is { } v && !double.IsFinite(v))
        {
            errors.Add($"{field}.value", "Must be a finite number.");
            ok = false;
        }

        foreach (var (name, coordinate) in new[] { ("x", dto.X), ("y", dto.Y) })
        {
            if (coordinate is { } c && !(double.IsFinite(c) && c is >= 0 and <= 1))
            {
                errors.Add($"{field}.{name}", "Must be a fraction between 0 and 1.");
                ok = false;
            }
        }

        return ok ? new BehaviourEvent { Type = type, Sku = dto.Sku, At = dto.At!.Value, Value = dto.Value, X = dto.X, Y = dto.Y } : null;
    }
}
