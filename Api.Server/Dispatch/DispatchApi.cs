using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Identity;
using Tandem.Contracts.Dispatch;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Dispatch;

/// <summary>The dispatch queue: packed delivery orders waiting for a courier.</summary>
public static class DispatchApi
{
    public static IEndpointRouteBuilder MapDispatchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dispatch/waiting", GetWaiting).WithTags("Dispatch").WithName("GetDispatchQueue")
            .WithSummary("Operator: packed delivery orders without a courier, oldest first, with whom each is offered to")
            .RequireAuthorization(Roles.Ops);
        return app;
    }

    private static async Task<Ok<WaitingOrder[]>> GetWaiting(IGrainFactory grains)
    {
        var partitions = await Task.WhenAll(grains.OfferDispatchers().Select(d => d.GetWaitingAsync()));
        return TypedResults.Ok(partitions.SelectMany(w => w).OrderBy(w => w.Since).ToArray());
    }
}
