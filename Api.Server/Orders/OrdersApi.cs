using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Api.Relay;
using Tandem.Contracts.Dispatch;
using Tandem.Contracts.Hubs;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Packing;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Api.Orders;

/// <summary>Placing orders and moving them through fulfilment.</summary>
public static class OrdersApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/orders").WithTags("Orders");
        api.MapPost("/", Place).WithName("PlaceOrder")
            .WithSummary("Shopper: place an order in one of their sessions, every line reserved, all or nothing; idempotent by the Idempotency-Key header")
            .WithBodyLimit(64 * 1024)
            .RequireAuthorization(Roles.Shopper)
            .RequireRateLimiting(RateLimits.Orders);
        api.MapGet("/{orderId}", Get).WithName("GetOrder")
            .WithSummary("An order with its history: its shopper, its courier or an operator")
            .RequireAuthorization(Roles.AnyUser);
        api.MapGet("/{orderId}/packing", Packing).WithName("GetOrderPacking")
            .WithSummary("Operator: the boxes and where each unit goes: stored when packed, before that the packing service's plan for the order now (nothing stored)")
            .RequireAuthorization(Roles.Ops);
        api.MapPost("/{orderId}/cancel", Cancel).WithName("CancelOrder")
            .WithSummary("Its shopper or an operator: cancel before pickup; idempotent")
            .RequireAuthorization(Roles.ShopperOrOps);
        api.MapPost("/{orderId}/survey", Survey).WithName("AnswerOrderSurvey")
            .WithSummary("Its shopper, once they have the goods: how likely they are to recommend Tandem (0–10); once per order, the same answer again is a replay")
            .WithBodyLimit(1024)
            .RequireAuthorization(Roles.Shopper);
        Step(api, "pack", "PackOrder", "Operator: stock leaves the shelf; idempotent", Roles.Ops, (o, actor) => o.PackAsync(actor));
        Step(api, "ready-for-pickup", "ReadyForPickup", "Operator: a packed pickup order waits at the store; idempotent",
            Roles.Ops, (o, actor) => o.MarkReadyForPickupAsync(actor));
        api.MapPost("/{orderId}/dispatch", Dispatch).WithName("DispatchOrder")
            .WithSummary("Operator: give a packed delivery order to a courier")
            .RequireAuthorization(Roles.Ops);
        Step(api, "picked-up", "OrderPickedUp", "Its courier or an operator: the goods have left the location; idempotent",
            Roles.CourierOrOps, (o, actor) => o.MarkPickedUpAsync(actor));
        Step(api, "delivered", "OrderDelivered", "Its courier or an operator: the goods were handed over; idempotent",
            Roles.CourierOrOps, (o, actor) => o.MarkDeliveredAsync(actor));

        app.Relay<OrderChanged>(OrderChanged.StreamNamespace, OrderChanged.OpsKind, e => e.Transition.At, RelayOrderAsync);
        return app;
    }

    /// <summary>The shopper tracking the order follows it; its courier is told when it is given the order, and of every move after.</summary>
    private static async Task RelayOrderAsync(RelayHubs hubs, OrderChanged change)
    {
        var order = change.Order;
        await hubs.Shop.Clients.Group(HubContract.Groups.Order(order.OrderId)).SendAsync(HubContract.Events.OrderChanged, change);
        if (order.CourierId is { } courierId)
        {
            var group = hubs.Couriers.Clients.Group(HubContract.Groups.Courier(courierId));
            if (change.Transition.To == OrderStatus.Dispatched)
            {
                await group.SendAsync(HubContract.Events.Assignment, order);
            }

            await group.SendAsync(HubContract.Events.OrderChanged, change);
        }
    }

    private static void Step(RouteGroupBuilder api, string path, string name, string summary, string policy, Func<IOrderGrain, string, Task<OrderResult>> command) =>
        api.MapPost("/{orderId}/" + path, (IGrainFactory grains, ClaimsPrincipal user, string orderId) =>
                Run(grains, Caller.Of(user), orderId, order => command(order, Caller.Of(user).Actor)))
            .WithName(name).WithSummary(summary).RequireAuthorization(policy);

    private static async Task<Results<Created<OrderView>, ProblemHttpResult, ValidationProblem>> Place(
        IGrainFactory grains, HttpContext http, ClaimsPrincipal user, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, PlaceOrderRequest request)
    {
        var shopper = Caller.Of(user).Subject;
        var errors = new RequestErrors();
        if (!PlaceOrderMapper.IsValidIdempotencyKey(idempotencyKey))
        {
            errors.Add(IdempotencyKeyHeader, $"Header required: 1–{PlaceOrderMapper.MaxIdempotencyKeyLength} visible ASCII characters.");
        }

        var command = PlaceOrderMapper.Map(request, shopper, errors);
        if (errors.Any || command is null)
        {
            return Problems.Invalid(errors);
        }

        var orderId = OrderId.FromIdempotencyKey(shopper, idempotencyKey!);
        var result = await grains.Order(orderId).PlaceAsync(command);
        if (!result.Succeeded)
        {
            return OrderResponses.Problem(result);
        }

        if (result.Outcome == OrderOutcome.Replayed)
        {
            http.Response.Headers[ReplayedHeader] = "true";
        }

        return TypedResults.Created($"/api/orders/{orderId}", result.Order);
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> Get(IGrainFactory grains, ClaimsPrincipal user, string orderId)
    {
        var order = Identifier.IsValid(orderId) ? await grains.Order(new OrderId(orderId)).GetAsync() : null;
        return OrderAccess.Check(Caller.Of(user), orderId, order) is { } refused ? refused : TypedResults.Ok(order!);
    }

    private static async Task<Results<Ok<PackingPreview>, ProblemHttpResult>> Packing(IGrainFactory grains, ClaimsPrincipal user, string orderId)
    {
        var order = Identifier.IsValid(orderId) ? await grains.Order(new OrderId(orderId)).GetAsync() : null;
        if (OrderAccess.Check(Caller.Of(user), orderId, order) is { } refused)
        {
            return refused;
        }

        var packing = order!.Packing ?? await grains.Packing().PlanAsync([.. order.Lines.Select(l => new OrderLineRequest { Sku = l.Sku, Quantity = l.Quantity })]);
        return TypedResults.Ok(new PackingPreview { OrderId = order.OrderId, Status = order.Status, Stored = order.Packing is not null, Packing = packing });
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult, ValidationProblem>> Cancel(
        IGrainFactory grains, ClaimsPrincipal user, string orderId, CancelOrderRequest? request)
    {
        var errors = new RequestErrors().Text("reason", request?.Reason, required: false);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var caller = Caller.Of(user);
        return await Run(grains, caller, orderId, o => o.CancelAsync(caller.Actor, request?.Reason));
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult, ValidationProblem>> Survey(
        IGrainFactory grains, ClaimsPrincipal user, string orderId, SurveyRequest request)
    {
        var errors = new RequestErrors();
        if (request.Score is not (>= 0 and <= 10))
        {
            errors.Add("score", "Required: a whole number from 0 to 10.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        return await Run(grains, Caller.Of(user), orderId, o => o.AnswerSurveyAsync(request.Score!.Value));
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult, ValidationProblem>> Dispatch(
        IGrainFactory grains, ClaimsPrincipal user, string orderId, DispatchRequest request)
    {
        var errors = new RequestErrors().Identifier("courierId", request.CourierId);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var caller = Caller.Of(user);
        return await Run(grains, caller, orderId, o => o.DispatchAsync(new CourierId(request.CourierId!), caller.Actor));
    }

    /// <summary>Runs a command on an order the caller may act on.</summary>
    private static async Task<Results<Ok<OrderView>, ProblemHttpResult, ValidationProblem>> Run(
        IGrainFactory grains, Caller caller, string orderId, Func<IOrderGrain, Task<OrderResult>> command)
    {
        if (!Identifier.IsValid(orderId))
        {
            return Problems.NotFound($"No order {orderId}.");
        }

        var order = grains.Order(new OrderId(orderId));
        if (OrderAccess.Check(caller, orderId, await order.GetAsync()) is { } refused)
        {
            return refused;
        }

        var result = await command(order);
        return result.Succeeded ? TypedResults.Ok(result.Order!) : OrderResponses.Problem(result);
    }
}
