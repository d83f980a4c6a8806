using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Api.Orders;
using Tandem.Api.Relay;
using Tandem.Api.Returns;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Hubs;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Returns;
using Tandem.Grains.Interfaces.Couriers;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Returns;

namespace Tandem.Api.Couriers;

/// <summary>Couriers: listing, position reports, going on- and offline.</summary>
public static class CouriersApi
{
    /// <summary>How far ahead of the server's clock a position's time may be.</summary>
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static IEndpointRouteBuilder MapCouriersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/couriers").WithTags("Couriers");
        api.MapGet("/", List).WithName("ListCouriers").WithSummary("Operator: every courier with position, status and assignments, as the courier stream last showed them")
            .RequireAuthorization(Roles.Ops);
        api.MapGet("/{courierId}", Get).WithName("GetCourier").WithSummary("The courier themself or an operator: one courier")
            .RequireAuthorization(Roles.CourierOrOps);
        api.MapPost("/{courierId}/position", ReportPosition).WithName("ReportCourierPosition")
            .WithSummary("The courier themself: report a position; one older than the last is ignored (outcome \"stale\")")
            .RequireAuthorization(Roles.Courier);
        api.MapPost("/{courierId}/offers/{orderId}/accept", AcceptOffer).WithName("AcceptOffer")
            .WithSummary("The courier themself: take the offered job (an order is dispatched to them, a return's pickup scheduled); idempotent")
            .RequireAuthorization(Roles.Courier);
        api.MapPost("/{courierId}/offers/{orderId}/decline", DeclineOffer).WithName("DeclineOffer")
            .WithSummary("The courier themself: turn the offered order down (it is offered to the next courier); idempotent")
            .RequireAuthorization(Roles.Courier);
        api.MapPost("/{courierId}/status", SetStatus).WithName("SetCourierStatus")
            .WithSummary("The courier themself or an operator: go \"idle\" (online) or \"offline\"; idempotent")
            .RequireAuthorization(Roles.CourierOrOps);

        app.Relay<CourierChanged>(CourierChanged.StreamNamespace, CourierChanged.OpsKind, e => e.At, RelayCourierAsync);
        return app;
    }

    /// <summary>
    /// The courier's own phone follows its state and receives its offers; shoppers tracking an order see the courier
    /// carrying it move, and only while it is assigned.
    /// </summary>
    private static async Task RelayCourierAsync(RelayHubs hubs, CourierChanged change)
    {
        var courier = change.Courier;
        var group = hubs.Couriers.Clients.Group(HubContract.Groups.Courier(courier.CourierId));
        await group.SendAsync(HubContract.Events.CourierChanged, change);
        if (change.Kind == CourierChangeKind.Offered && courier.Offer is { } offer)
        {
            await group.SendAsync(HubContract.Events.Offer, offer);
        }

        if (change.Kind == CourierChangeKind.Moved && courier.Position is { } position)
        {
            foreach (var assignment in courier.Assignments)
            {
                await hubs.Shop.Clients.Group(HubContract.Groups.Order(assignment.OrderId)).SendAsync(HubContract.Events.CourierPosition,
                    new CourierOnTheWay(assignment.OrderId, courier.CourierId, courier.Name, position, courier.PositionAt ?? change.At, courier.Version));
            }
        }
    }

    /// <summary>Every courier from the courier boards (fed by the courier stream), not by calling each courier.</summary>
    private static async Task<Ok<CourierView[]>> List(IGrainFactory grains) =>
        TypedResults.Ok((await grains.CouriersFromBoardsAsync()).ToArray());

    private static async Task<Results<Ok<CourierView>, ProblemHttpResult>> Get(IGrainFactory grains, ClaimsPrincipal user, string courierId)
    {
        if (CourierAccess.Check(user, courierId) is { } refused)
        {
            return refused;
        }

        var courier = Identifier.IsValid(courierId) ? await grains.Courier(new CourierId(courierId)).GetAsync() : null;
        return courier is null ? Problems.NotFound($"No courier {courierId}.") : TypedResults.Ok(courier);
    }

    private static async Task<Results<Ok<CourierCommandResponse>, ProblemHttpResult, ValidationProblem>> ReportPosition(
        IGrainFactory grains, TimeProvider clock, ClaimsPrincipal user, string courierId, CourierPositionRequest request)
    {
        if (CourierAccess.Check(user, courierId) is { } refused)
        {
            return refused;
        }

        var errors = new RequestErrors().Position("position", request.Lat, request.Lon);
        if (request.At is null)
        {
            errors.Add("at", "Required.");
        }
        else if (request.At > clock.GetUtcNow() + MaxClockSkew)
        {
            errors.Add("at", "Lies in the future.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (!Identifier.IsValid(courierId))
        {
            return Problems.NotFound($"No courier {courierId}.");
        }

        var position = new GeoPoint { Lat = request.Lat!.Value, Lon = request.Lon!.Value };
        return ToHttp(await grains.Courier(new CourierId(courierId)).UpdatePositionAsync(position, request.At!.Value), courierId);
    }

    private static async Task<Results<Ok<CourierCommandResponse>, ProblemHttpResult, ValidationProblem>> SetStatus(
        IGrainFactory grains, ClaimsPrincipal user, string courierId, CourierStatusRequest request)
    {
        if (CourierAccess.Check(user, courierId) is { } refused)
        {
            return refused;
        }

        bool online;
        switch (request.Status)
        {
            case "idle":
                online = true;
                break;
            case "offline":
                online = false;
                break;
            case "toPickup" or "toDropoff":
                return Problems.Invalid(new RequestErrors().Add("status", "Follows from assignments; set \"idle\" or \"offline\"."));
            default:
                return Problems.Invalid(new RequestErrors().Add("status", "Must be \"idle\" or \"offline\"."));
        }

        if (!Identifier.IsValid(courierId))
        {
            return Problems.NotFound($"No courier {courierId}.");
        }

        return ToHttp(await grains.Courier(new CourierId(courierId)).SetAvailabilityAsync(online), courierId);
    }

    /// <summary>Accepts the offer: a delivery is dispatched to the courier (the order answers), a return's pickup scheduled (the return answers).</summary>
    private static async Task<Results<Ok<OrderView>, Ok<ReturnView>, ProblemHttpResult>> AcceptOffer(
        IGrainFactory grains, ClaimsPrincipal user, string courierId, string orderId)
    {
        if (CourierAccess.Check(user, courierId) is { } refused)
        {
            return refused;
        }

        if (!Identifier.IsValid(courierId) || !Identifier.IsValid(orderId))
        {
            return Problems.NotFound($"No offer of order {orderId} to courier {courierId}.");
        }

        var answer = await grains.Courier(new CourierId(courierId)).AnswerOfferAsync(new OrderId(orderId), accept: true);
        if (answer.Outcome is CourierOutcome.NotFound)
        {
            return Problems.NotFound($"No courier {courierId}.");
        }

        if (!answer.Succeeded)
        {
            return Problems.Conflict(answer.Detail ?? answer.Outcome.ToString());
        }

        if (answer.Answered == CourierJobKind.ReturnPickup)
        {
            var scheduled = await grains.Return(orderId).SchedulePickupAsync(courierId, Caller.Of(user).Actor);
            return scheduled.Outcome is ReturnOutcome.Applied or ReturnOutcome.Replayed
                ? TypedResults.Ok(scheduled.Return!)
                : ReturnsApi.Problem(scheduled);
        }

        var dispatched = await grains.Order(new OrderId(orderId)).DispatchAsync(new CourierId(courierId), Caller.Of(user).Actor);
        return dispatched.Succeeded ? TypedResults.Ok(dispatched.Order!) : OrderResponses.Problem(dispatched);
    }

    private static async Task<Results<Ok<CourierCommandResponse>, ProblemHttpResult, ValidationProblem>> DeclineOffer(
        IGrainFactory grains, ClaimsPrincipal user, string courierId, string orderId)
    {
        if (CourierAccess.Check(user, courierId) is { } refused)
        {
            return refused;
        }

        if (!Identifier.IsValid(courierId) || !Identifier.IsValid(orderId))
        {
            return Problems.NotFound($"No offer of order {orderId} to courier {courierId}.");
        }

        return ToHttp(await grains.Courier(new CourierId(courierId)).AnswerOfferAsync(new OrderId(orderId), accept: false), courierId);
    }

    private static Results<Ok<CourierCommandResponse>, ProblemHttpResult, ValidationProblem> ToHttp(CourierResult result, string courierId) =>
        result.Outcome switch
        {
            CourierOutcome.NotFound => Problems.NotFound($"No courier {courierId}."),
            _ when result.Succeeded => TypedResults.Ok(new CourierCommandResponse(result.Outcome, result.Courier!)),
            _ => Problems.Conflict(result.Detail ?? result.Outcome.ToString()),
        };
}
