using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Identity;
using Tandem.Api.Relay;
using Tandem.Contracts.Dispatch;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Dispatch;

/// <summary>The dispatch queues (packed delivery orders and return pickups waiting for a courier, by zone), the zones' windows, and why an order or a pickup went to its courier.</summary>
public static class DispatchApi
{
    public static IEndpointRouteBuilder MapDispatchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/dispatch/waiting", GetWaiting).WithTags("Dispatch").WithName("GetDispatchQueue")
            .WithSummary("Operator: packed delivery orders and return pickups without a courier, oldest first, with whom each is offered to and why")
            .RequireAuthorization(Roles.Ops);
        app.MapGet("/api/dispatch/zones", GetZones).WithTags("Dispatch").WithName("GetDispatchZones")
            .WithSummary("Operator: each dispatch zone's last window: queue, free couriers, rain, decisions, assignment latency")
            .RequireAuthorization(Roles.Ops);
        app.MapGet("/api/orders/{orderId}/dispatch", GetOrderDispatch).WithTags("Dispatch").WithName("GetOrderDispatch")
            .WithSummary("Why this courier: every dispatch window's decision for the order (candidates, costs, weather, window) and its outcome")
            .RequireAuthorization();
        app.MapGet("/api/returns/{returnId}/dispatch", GetReturnDispatch).WithTags("Dispatch").WithName("GetReturnDispatch")
            .WithSummary("Why this courier for a return's pickup: every dispatch window's decision and its outcome (its shopper, its pickup courier, an operator)")
            .RequireAuthorization();
        app.Relay<DispatchDecided>(DispatchDecided.StreamNamespace, DispatchDecided.OpsKind, e => e.At, static (_, _) => Task.CompletedTask); // the control room only
        return app;
    }

    private static async Task<Ok<WaitingOrder[]>> GetWaiting(IGrainFactory grains) =>
        TypedResults.Ok(await WaitingAsync(grains));

    /// <summary>Every zone's waiting orders, oldest first.</summary>
    public static async Task<WaitingOrder[]> WaitingAsync(IGrainFactory grains)
    {
        var zones = await Task.WhenAll((await grains.ZoneDispatchersAsync()).Select(d => d.GetWaitingAsync()));
        return [.. zones.SelectMany(w => w).OrderBy(w => w.Since)];
    }

    private static async Task<Ok<ZoneReport[]>> GetZones(IGrainFactory grains) =>
        TypedResults.Ok((await grains.DispatchMap().GetReportsAsync()).ToArray());

    private static async Task<Results<Ok<OrderDispatchResponse>, ProblemHttpResult>> GetOrderDispatch(
        IGrainFactory grains, ClaimsPrincipal user, string orderId)
    {
        var order = Identifier.IsValid(orderId) ? await grains.Order(new OrderId(orderId)).GetAsync() : null;
        if (OrderAccess.Check(Caller.Of(user), orderId, order) is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok(await RecordAsync(grains, orderId));
    }

    private static async Task<Results<Ok<OrderDispatchResponse>, ProblemHttpResult>> GetReturnDispatch(
        IGrainFactory grains, ClaimsPrincipal user, string returnId)
    {
        var view = Identifier.IsValid(returnId) ? await grains.Return(returnId).GetAsync() : null;
        if (ReturnAccess.Check(Caller.Of(user), returnId, view) is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok(await RecordAsync(grains, returnId));
    }

    /// <summary>The dispatch decisions of a job (an order, or a return's pickup) and whether it still waits in its zone.</summary>
    private static async Task<OrderDispatchResponse> RecordAsync(IGrainFactory grains, string jobId)
    {
        var decisions = await grains.DispatchRecord(new OrderId(jobId)).GetAsync();
        var zone = decisions.Count > 0 ? decisions[^1].Zone : null;
        var waiting = zone is not null && (await grains.ZoneDispatcher(zone).GetWaitingAsync()).Any(w => w.OrderId == jobId);
        return new OrderDispatchResponse(jobId, zone, waiting, decisions);
    }
}
