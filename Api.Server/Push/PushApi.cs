using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Push;
using Tandem.Grains.Interfaces.Couriers;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Push;
using Tandem.Grains.Push;

namespace Tandem.Api.Push;

/// <summary>Web Push for couriers: Tandem's VAPID public key, and each phone's subscription.</summary>
public static class PushApi
{
    public static IEndpointRouteBuilder MapPushApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/push/public-key", GetPublicKey).WithTags("Push").WithName("GetPushPublicKey")
            .WithSummary("Tandem's VAPID public key (applicationServerKey for PushManager.subscribe)").AllowAnonymous();
        var courier = app.MapGroup("/api/couriers/{courierId}/push-subscription").WithTags("Push").RequireAuthorization(Roles.Courier);
        courier.MapPost("/", Subscribe).WithName("SetPushSubscription")
            .WithSummary("The courier themself: receive offers by Web Push at this subscription (replaces any other); idempotent");
        courier.MapDelete("/", Unsubscribe).WithName("DeletePushSubscription")
            .WithSummary("The courier themself: stop Web Push; idempotent");
        return app;
    }

    private static async Task<Ok<PushPublicKey>> GetPublicKey(IGrainFactory grains) =>
        TypedResults.Ok(new PushPublicKey(await grains.PushSender().GetPublicKeyAsync()));

    private static async Task<Results<Ok<CourierCommandResponse>, ProblemHttpResult, ValidationProblem>> Subscribe(
        IGrainFactory grains, IOptions<PushOptions> options, ClaimsPrincipal user, string courierId, PushSubscriptionRequest request)
    {
        if (CourierAccess.Check(user, courierId) is { } refused)
        {
            return refused;
        }

        var errors = new RequestErrors();
        if (!Uri.TryCreate(request.Endpoint, UriKind.Absolute, out var endpoint) || request.Endpoint!.Length > 1000)
        {
            errors.Add("endpoint", "An absolute URL of at most 1000 characters is required.");
        }
        else if (!options.Value.Allows(endpoint))
        {
            errors.Add("endpoint", "Not a push service Tandem sends to.");
        }

        if (Base64Url.TryDecode(request.Keys?.P256dh) is not { Length: 65 } key || key[0] != 0x04)
        {
            errors.Add("keys.p256dh", "An uncompressed P-256 public key (65 bytes), base64url.");
        }

        if (Base64Url.TryDecode(request.Keys?.Auth) is not { Length: 16 })
        {
            errors.Add("keys.auth", "A 16-byte secret, base64url.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var subscription = new PushSubscription { Endpoint = request.Endpoint!, P256dh = request.Keys!.P256dh!, Auth = request.Keys.Auth! };
        return Answer(await grains.Courier(new CourierId(courierId)).SetPushSubscriptionAsync(subscription), courierId);
    }

    private static async Task<Results<Ok<CourierCommandResponse>, ProblemHttpResult, ValidationProblem>> Unsubscribe(
        IGrainFactory grains, ClaimsPrincipal user, string courierId)
    {
        if (CourierAccess.Check(user, courierId) is { } refused)
        {
            return refused;
        }

        return Answer(await grains.Courier(new CourierId(courierId)).SetPushSubscriptionAsync(null), courierId);
    }

    private static Results<Ok<CourierCommandResponse>, ProblemHttpResult, ValidationProblem> Answer(CourierResult result, string courierId) =>
        result.Outcome == CourierOutcome.NotFound ? Problems.NotFound($"No courier {courierId}.") : TypedResults.Ok(new CourierCommandResponse(result.Outcome, result.Courier!));
}
