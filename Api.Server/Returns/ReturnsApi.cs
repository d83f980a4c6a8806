using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Api.Orders;
using Tandem.Api.Relay;
using Tandem.Contracts.Returns;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Returns;

namespace Tandem.Api.Returns;

/// <summary>Returns from request to resale, and the coupons they give.</summary>
public static class ReturnsApi
{
    /// <summary>The largest photo accepted (bytes, decoded).</summary>
    public const int MaxPhotoBytes = 5 * 1024 * 1024;

    public static IEndpointRouteBuilder MapReturnsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/returns").WithTags("Returns");
        api.MapPost("/", Request).WithName("RequestReturn")
            .WithSummary("Shopper (or store staff at the counter, for the order's shopper): return units of a line of a received order; pre-checked at once (a refusal is 422 naming its rule); idempotent by the Idempotency-Key header")
            .WithBodyLimit(8 * 1024 * 1024)
            .RequireAuthorization(Roles.ShopperOrOps)
            .RequireRateLimiting(RateLimits.Orders);
        api.MapGet("/board", async (IGrainFactory grains) => TypedResults.Ok(await grains.ReturnsBoard().GetAsync())).WithName("GetReturnsBoard")
            .WithSummary("Operator: the returns KPIs over the latest 1,000 returns, and the returns in review or at risk of missing the resale promise")
            .RequireAuthorization(Roles.Ops);
        api.MapGet("/{returnId}", Get).WithName("GetReturn")
            .WithSummary("A return with its history, compensation and resale clock: its shopper, its pickup courier or an operator")
            .RequireAuthorization(Roles.AnyUser);
        api.MapPost("/{returnId}/compensation", Choose).WithName("ChooseCompensation")
            .WithSummary("Its shopper or an operator: refund, or the coupon offered instead (not the item's fault); until settled; idempotent")
            .RequireAuthorization(Roles.ShopperOrOps);
        api.MapPost("/{returnId}/review", Review).WithName("ReviewReturn")
            .WithSummary("Operator: approve or reject a return in review; idempotent")
            .RequireAuthorization(Roles.Ops);
        api.MapPost("/{returnId}/pickup", SchedulePickup).WithName("ScheduleReturnPickup")
            .WithSummary("Operator: a courier is to collect the approved item (instead of the dispatch windows' offer); idempotent")
            .RequireAuthorization(Roles.Ops);
        api.MapPost("/{returnId}/collected", Collected).WithName("ReturnCollected")
            .WithSummary("Its pickup courier (or an operator for them): the item is collected, the 72 h resale clock starts; idempotent")
            .RequireAuthorization(Roles.CourierOrOps);
        api.MapPost("/{returnId}/hand-in", HandIn).WithName("HandInReturn")
            .WithSummary("Store staff (operator): the shopper handed the item in at the store (the scan at the counter); idempotent")
            .RequireAuthorization(Roles.Ops);
        api.MapPost("/{returnId}/sorting", (IGrainFactory grains, ClaimsPrincipal user, string returnId) =>
                Act(grains, Caller.Of(user), returnId, (r, _) => r.ArriveAtSortingAsync(Caller.Of(user).Actor)))
            .WithName("ReturnAtSorting")
            .WithSummary("Its pickup courier, or an operator: a collected item reached the sorting centre (the courier's job ends); idempotent")
            .RequireAuthorization(Roles.CourierOrOps);
        api.MapPost("/{returnId}/grade", Grade).WithName("GradeReturn")
            .WithSummary("Operator at the sorting centre, or staff of the store it was handed in at: grade A, B or C and settle (refund or coupon); idempotent")
            .RequireAuthorization(Roles.Ops);
        api.MapPost("/{returnId}/put-away", PutAway).WithName("PutAwayReturn")
            .WithSummary("Operator: an A or B item goes back on sale in a location's cell, once; idempotent")
            .RequireAuthorization(Roles.Ops);
        app.MapGet("/api/coupons/{code}", GetCoupon).WithTags("Returns").WithName("GetCoupon")
            .WithSummary("A coupon: its shopper or an operator")
            .RequireAuthorization(Roles.ShopperOrOps);

        app.Relay<ReturnChanged>(ReturnChanged.StreamNamespace, ReturnChanged.OpsKind, e => e.At, static (_, _) => Task.CompletedTask);
        return app;
    }

    /// <summary>The return a client's idempotency key stands for: the same shopper and key always name the same return.</summary>
    public static string ReturnIdFor(string shopperId, string idempotencyKey) =>
        "r-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"return\n{shopperId}\n{idempotencyKey}")).AsSpan(0, 12));

    private static async Task<Results<Created<ReturnView>, ProblemHttpResult, ValidationProblem>> Request(
        IGrainFactory grains, HttpContext http, ClaimsPrincipal user, [FromHeader(Name = OrdersApi.IdempotencyKeyHeader)] string? idempotencyKey, ReturnRequestDto body)
    {
        var caller = Caller.Of(user);
        var errors = new RequestErrors()
            .Identifier("orderId", body.OrderId)
            .Identifier("sku", body.Sku)
            .Quantity("quantity", body.Quantity);
        if (!PlaceOrderMapper.IsValidIdempotencyKey(idempotencyKey))
        {
            errors.Add(OrdersApi.IdempotencyKeyHeader, $"Header required: 1–{PlaceOrderMapper.MaxIdempotencyKeyLength} visible ASCII characters.");
        }

        if (!WireNames.TryParse<ReturnReason>(body.Reason, out var reason))
        {
            errors.Add("reason", $"Required: one of {WireNames.Accepted<ReturnReason>()}.");
        }

        ItemCondition? condition = null;
        if (body.Condition is not null)
        {
            if (WireNames.TryParse<ItemCondition>(body.Condition, out var declared))
            {
                condition = declared;
            }
            else
            {
                errors.Add("condition", $"One of {WireNames.Accepted<ItemCondition>()}.");
            }
        }

        var photo = Photo(body.Photo, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        // Staff at a store take a return back for the order's shopper (the same policy applies); a shopper returns their own.
        var shopper = caller.IsShopper ? caller.Subject : (await grains.Order(new OrderId(body.OrderId!)).GetAsync())?.ShopperId;
        if (shopper is null)
        {
            return Problems.NotFound($"No order {body.OrderId}.");
        }

        var returnId = ReturnIdFor(caller.IsShopper ? shopper : caller.Actor, idempotencyKey!);
        var result = await grains.Return(returnId).RequestAsync(new ReturnRequest
        {
            ShopperId = shopper, OrderId = body.OrderId!, Sku = body.Sku!, Quantity = body.Quantity!.Value, Reason = reason,
            Condition = condition, TagsAttached = body.TagsAttached, PhotoType = body.Photo?.Type, Photo = photo,
            RequestedBy = caller.IsShopper ? null : caller.Actor,
        });
        if (result.Outcome == ReturnOutcome.Replayed)
        {
            http.Response.Headers[OrdersApi.ReplayedHeader] = "true";
        }

        if (result.Return is { Status: ReturnStatus.Rejected } rejected && result.Outcome is ReturnOutcome.Applied or ReturnOutcome.Replayed)
        {
            return TypedResults.Problem(
                $"Refused by the {rejected.Check.Rule} rule: {rejected.Check.Reason}.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Return refused",
                type: "https://tandem.dev/problems/return-refused",
                extensions: new Dictionary<string, object?> { ["rule"] = rejected.Check.Rule, ["reason"] = rejected.Check.Reason, ["returnId"] = returnId });
        }

        return result.Outcome is ReturnOutcome.Applied or ReturnOutcome.Replayed
            ? TypedResults.Created($"/api/returns/{returnId}", result.Return)
            : Problem(result);
    }

    /// <summary>The photo's bytes, or null when none was sent; a bad one is reported on <paramref name="errors"/>.</summary>
    private static byte[]? Photo(ReturnPhotoDto? photo, RequestErrors errors)
    {
        if (photo is null)
        {
            return null;
        }

        errors.Text("photo.type", photo.Type);
        if (photo.Data is null)
        {
            errors.Add("photo.data", "Required: the image's bytes in base64.");
            return null;
        }

        var bytes = new byte[photo.Data.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(photo.Data, bytes, out var length))
        {
            errors.Add("photo.data", "Must be base64.");
            return null;
        }

        if (length is 0 or > MaxPhotoBytes)
        {
            errors.Add("photo.data", $"Must be 1 byte to {MaxPhotoBytes / (1024 * 1024)} MiB.");
            return null;
        }

        return bytes[..length];
    }

    private static async Task<Results<Ok<ReturnView>, ProblemHttpResult>> Get(IGrainFactory grains, ClaimsPrincipal user, string returnId)
    {
        var view = Identifier.IsValid(returnId) ? await grains.Return(returnId).GetAsync() : null;
        return ReturnAccess.Check(Caller.Of(user), returnId, view) is { } refused ? refused : TypedResults.Ok(view!);
    }

    private static async Task<Results<Ok<ReturnView>, ProblemHttpResult, ValidationProblem>> Choose(
        IGrainFactory grains, ClaimsPrincipal user, string returnId, CompensationRequest body)
    {
        if (!WireNames.TryParse<CompensationKind>(body.Kind, out var kind))
        {
            return Problems.Invalid(new RequestErrors().Add("kind", $"Required: one of {WireNames.Accepted<CompensationKind>()}."));
        }

        var caller = Caller.Of(user);
        return await Act(grains, caller, returnId, (r, _) => r.ChooseCompensationAsync(kind, caller.IsShopper ? caller.Subject : null, caller.Actor));
    }

    private static async Task<Results<Ok<ReturnView>, ProblemHttpResult, ValidationProblem>> Review(
        IGrainFactory grains, ClaimsPrincipal user, string returnId, ReviewReturnRequest body)
    {
        var errors = new RequestErrors().Text("note", body.Note, required: false);
        if (body.Approve is null)
        {
            errors.Add("approve", "Required: true or false.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var caller = Caller.Of(user);
        return await Act(grains, caller, returnId, (r, _) => r.ReviewAsync(body.Approve!.Value, caller.Actor, body.Note));
    }

    private static async Task<Results<Ok<ReturnView>, ProblemHttpResult, ValidationProblem>> SchedulePickup(
        IGrainFactory grains, ClaimsPrincipal user, string returnId, SchedulePickupRequest body)
    {
        var errors = new RequestErrors().Identifier("courierId", body.CourierId);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var caller = Caller.Of(user);
        return await Act(grains, caller, returnId, (r, _) => r.SchedulePickupAsync(body.CourierId!, caller.Actor));
    }

    private static async Task<Results<Ok<ReturnView>, ProblemHttpResult, ValidationProblem>> Collected(IGrainFactory grains, ClaimsPrincipal user, string returnId)
    {
        var caller = Caller.Of(user);
        return await Act(grains, caller, returnId, (r, view) => r.CollectByCourierAsync(caller.IsCourier ? caller.Subject : view.CourierId ?? "", caller.Actor));
    }

    private static async Task<Results<Ok<ReturnView>, ProblemHttpResult, ValidationProblem>> HandIn(
        IGrainFactory grains, ClaimsPrincipal user, string returnId, HandInRequest body)
    {
        var caller = Caller.Of(user);
        var errors = new RequestErrors();
        if (body.StoreId is not null || caller.Store is null)
        {
            errors.Identifier("storeId", body.StoreId);
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (caller.Store is { } own && body.StoreId is { } named && named != own)
        {
            return Problems.Forbidden($"Staff of store {own} take returns in at {own}, not {named}.");
        }

        return await Act(grains, caller, returnId, (r, _) => r.HandInAtStoreAsync(caller.Store ?? body.StoreId!, caller.Actor));
    }

    private static async Task<Results<Ok<ReturnView>, ProblemHttpResult, ValidationProblem>> Grade(
        IGrainFactory grains, ClaimsPrincipal user, string returnId, GradeReturnRequest body)
    {
        var errors = new RequestErrors().Text("note", body.Note, required: false);
        if (!WireNames.TryParse<ReturnGrade>(body.Grade, out var grade))
        {
            errors.Add("grade", $"Required: one of {WireNames.Accepted<ReturnGrade>()}.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var caller = Caller.Of(user);
        return await Act(grains, caller, returnId, (r, _) => r.GradeAsync(grade, caller.Store, caller.Actor, body.Note));
    }

    private static async Task<Results<Ok<ReturnView>, ProblemHttpResult, ValidationProblem>> PutAway(
        IGrainFactory grains, ClaimsPrincipal user, string returnId, PutAwayRequest body)
    {
        var errors = new RequestErrors().Identifier("locationId", body.LocationId);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var caller = Caller.Of(user);
        if (caller.Store is { } own && body.LocationId != own)
        {
            return Problems.Forbidden($"Staff of store {own} put items back on sale at {own}, not {body.LocationId}.");
        }

        return await Act(grains, caller, returnId, (r, view) =>
            ReturnAccess.CheckStore(caller, returnId, view) is null
                ? r.PutAwayAsync(body.LocationId!, caller.Actor)
                : Task.FromResult(new ReturnResult { Outcome = ReturnOutcome.NotFound, Detail = $"No return {returnId} handed in at store {caller.Store}." }));
    }

    private static async Task<Results<Ok<CouponView>, ProblemHttpResult>> GetCoupon(IGrainFactory grains, ClaimsPrincipal user, string code)
    {
        var caller = Caller.Of(user);
        var coupon = Identifier.IsValid(code) ? await grains.Coupon(code).GetAsync() : null;
        return coupon is null || (caller.IsShopper && coupon.ShopperId != caller.Subject)
            ? Problems.NotFound($"No coupon {code}.")
            : TypedResults.Ok(coupon);
    }

    /// <summary>Reads the return (unknown or not the caller's: refused as <see cref="ReturnAccess"/> says), then runs the command.</summary>
    private static async Task<Results<Ok<ReturnView>, ProblemHttpResult, ValidationProblem>> Act(
        IGrainFactory grains, Caller caller, string returnId, Func<IReturnGrain, ReturnView, Task<ReturnResult>> command)
    {
        var grain = Identifier.IsValid(returnId) ? grains.Return(returnId) : null;
        var view = grain is null ? null : await grain.GetAsync();
        if (ReturnAccess.Check(caller, returnId, view) is { } refused)
        {
            return refused;
        }

        var result = await command(grain!, view!);
        return result.Outcome is ReturnOutcome.Applied or ReturnOutcome.Replayed ? TypedResults.Ok(result.Return!) : Problem(result);
    }

    /// <summary>The problem a refused return command answers (also for a return pickup accepted through a courier's offer).</summary>
    public static ProblemHttpResult Problem(ReturnResult result)
    {
        var detail = result.Detail ?? result.Outcome.ToString();
        return result.Outcome switch
        {
            ReturnOutcome.NotFound or ReturnOutcome.Invalid => Problems.NotFound(detail),
            ReturnOutcome.KeyReused => TypedResults.Problem(
                detail, statusCode: StatusCodes.Status409Conflict, title: "Idempotency key reused", type: "https://tandem.dev/problems/idempotency-key-reused"),
            _ => Problems.Conflict(detail),
        };
    }
}
