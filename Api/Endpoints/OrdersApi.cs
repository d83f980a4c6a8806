using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tandem.Api.Contracts;
using Tandem.Api.Http;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Api.Endpoints;

/// <summary>Placing orders and moving them through fulfilment.</summary>
public static class OrdersApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const string Actor = "api";

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/orders").WithTags("Orders");
        api.MapPost("/", Place).WithName("PlaceOrder")
            .WithSummary("Place an order: every line reserved, all or nothing; idempotent by the Idempotency-Key header")
            .WithBodyLimit(64 * 1024)
            .RequireRateLimiting(RateLimits.Orders);
        api.MapGet("/{orderId}", Get).WithName("GetOrder").WithSummary("An order with its history");
        api.MapPost("/{orderId}/cancel", Cancel).WithName("CancelOrder").WithSummary("Cancel before pickup; idempotent");
        api.MapPost("/{orderId}/pack", (IGrainFactory g, string orderId) => Run(orderId, o => o.PackAsync(Actor), g))
            .WithName("PackOrder").WithSummary("Stock leaves the shelf; idempotent");
        api.MapPost("/{orderId}/ready-for-pickup", (IGrainFactory g, string orderId) => Run(orderId, o => o.MarkReadyForPickupAsync(Actor), g))
            .WithName("ReadyForPickup").WithSummary("A packed pickup order waits at the store; idempotent");
        api.MapPost("/{orderId}/dispatch", Dispatch).WithName("DispatchOrder").WithSummary("Give a packed delivery order to a courier");
        api.MapPost("/{orderId}/picked-up", (IGrainFactory g, string orderId) => Run(orderId, o => o.MarkPickedUpAsync(Actor), g))
            .WithName("OrderPickedUp").WithSummary("Courier or shopper has the goods; idempotent");
        api.MapPost("/{orderId}/delivered", (IGrainFactory g, string orderId) => Run(orderId, o => o.MarkDeliveredAsync(Actor), g))
            .WithName("OrderDelivered").WithSummary("Courier handed the goods over; idempotent");
        return app;
    }

    private static async Task<Results<Created<OrderView>, ProblemHttpResult, ValidationProblem>> Place(
        IGrainFactory grains, HttpContext http, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, PlaceOrderRequest request)
    {
        var errors = new RequestErrors();
        if (!PlaceOrderMapper.IsValidIdempotencyKey(idempotencyKey))
        {
            errors.Add(IdempotencyKeyHeader, $"Header required: 1–{PlaceOrderMapper.MaxIdempotencyKeyLength} visible ASCII characters.");
        }

        var command = PlaceOrderMapper.Map(request, errors);
        if (errors.Any || command is null)
        {
            return Problems.Invalid(errors);
        }

        var orderId = OrderId.FromIdempotencyKey(command.ShopperId, idempotencyKey!);
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

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> Get(IGrainFactory grains, string orderId)
    {
        var order = Identifier.IsValid(orderId) ? await grains.Order(new OrderId(orderId)).GetAsync() : null;
        return order is null ? Problems.NotFound($"No order {orderId}.") : TypedResults.Ok(order);
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult, ValidationProblem>> Cancel(
        IGrainFactory grains, string orderId, CancelOrderRequest? request)
    {
        var errors = new RequestErrors().Text("reason", request?.Reason, required: false);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        return await Run(orderId, o => o.CancelAsync(Actor, request?.Reason), grains);
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult, ValidationProblem>> Dispatch(
        IGrainFactory grains, string orderId, DispatchRequest request)
    {
        var errors = new RequestErrors().Identifier("courierId", request.CourierId);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        return await Run(orderId, o => o.DispatchAsync(request.CourierId!, Actor), grains);
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult, ValidationProblem>> Run(
        string orderId, Func<IOrderGrain, Task<OrderResult>> command, IGrainFactory grains)
    {
        if (!Identifier.IsValid(orderId))
        {
            return Problems.NotFound($"No order {orderId}.");
        }

        var result = await command(grains.Order(new OrderId(orderId)));
        return result.Succeeded ? TypedResults.Ok(result.Order!) : OrderResponses.Problem(result);
    }
}
