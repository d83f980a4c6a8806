using System.Security.Claims;

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Api.Relay;
using Tandem.Contracts.Hubs;
using Tandem.Contracts.Inventory;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Inventory;

/// <summary>Stock movements at one sku and location: receipts and cycle counts.</summary>
public static class InventoryApi
{
    public static IEndpointRouteBuilder MapInventoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inventory/{sku}/{locationId}").WithTags("Inventory").RequireAuthorization(Roles.Ops);
        api.MapGet("/", GetCell).WithName("GetInventoryCell").WithSummary("Operator: on hand, reserved and bin of a sku at a location");
        api.MapGet("/history", GetHistory).WithName("GetInventoryHistory")
            .WithSummary("Operator: the last 100 changes to on hand with who made them");
        api.MapPost("/receipts", Receive).WithName("ReceiveStock")
            .WithSummary("Operator: add received stock; idempotent by reference");
        api.MapPost("/adjustments", Adjust).WithName("AdjustStock")
            .WithSummary("Operator: cycle count, set on hand to the counted quantity; idempotent by reference");
        api.MapPut("/sale", ScheduleSale).WithName("ScheduleSale")
            .WithSummary("Operator: put the units here on sale at a time (a flash sale); no hold is made before it; idempotent");
        api.MapDelete("/sale", CallOffSale).WithName("CallOffSale")
            .WithSummary("Operator: put the units here on sale now, without a start time; idempotent");

        app.Relay<StockChanged>(StockChanged.StreamNamespace, StockChanged.OpsKind, e => e.At, RelayStockAsync);
        return app;
    }

    /// <summary>Shoppers watching the product see its stock at every location move.</summary>
    private static Task RelayStockAsync(RelayHubs hubs, StockChanged change) =>
        hubs.Shop.Clients.Group(HubContract.Groups.Product(change.Cell.Sku)).SendAsync(HubContract.Events.StockChanged, change);

    private static async Task<Results<Ok<CellSnapshot>, ProblemHttpResult>> GetCell(IGrainFactory grains, string sku, string locationId)
    {
        var key = await KnownCellAsync(grains, sku, locationId);
        return key is { } k ? TypedResults.Ok(await grains.Cell(k).GetSnapshotAsync()) : UnknownCell(sku, locationId);
    }

    private static async Task<Results<Ok<IReadOnlyList<CellHistoryEntry>>, ProblemHttpResult>> GetHistory(IGrainFactory grains, string sku, string locationId)
    {
        var key = await KnownCellAsync(grains, sku, locationId);
        return key is { } k ? TypedResults.Ok(await grains.Cell(k).GetHistoryAsync()) : UnknownCell(sku, locationId);
    }

    private static async Task<Results<Ok<CellCommandResponse>, ProblemHttpResult, ValidationProblem>> Receive(
        IGrainFactory grains, ClaimsPrincipal user, string sku, string locationId, ReceiptRequest request)
    {
        var errors = new RequestErrors().Quantity("quantity", request.Quantity).Text("reference", request.Reference);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (await KnownCellAsync(grains, sku, locationId) is not { } key)
        {
            return UnknownCell(sku, locationId);
        }

        var result = await grains.Cell(key).ReceiveAsync(request.Quantity!.Value, "receipt:" + request.Reference, Caller.Of(user).Actor);
        return ToResponse(result);
    }

    private static async Task<Results<Ok<CellCommandResponse>, ProblemHttpResult, ValidationProblem>> Adjust(
        IGrainFactory grains, ClaimsPrincipal user, string sku, string locationId, AdjustmentRequest request)
    {
        var errors = new RequestErrors()
            .Quantity("countedOnHand", request.CountedOnHand, min: 0)
            .Text("reason", request.Reason)
            .Text("reference", request.Reference);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (await KnownCellAsync(grains, sku, locationId) is not { } key)
        {
            return UnknownCell(sku, locationId);
        }

        var result = await grains.Cell(key).AdjustAsync(request.CountedOnHand!.Value, request.Reason!, "count:" + request.Reference, Caller.Of(user).Actor);
        return ToResponse(result);
    }

    /// <summary>How far ahead or back a sale may be scheduled.</summary>
    private static readonly TimeSpan SaleHorizon = TimeSpan.FromDays(366);

    private static async Task<Results<Ok<CellCommandResponse>, ProblemHttpResult, ValidationProblem>> ScheduleSale(
        IGrainFactory grains, TimeProvider clock, ClaimsPrincipal user, string sku, string locationId, SaleRequest request)
    {
        var errors = new RequestErrors();
        if (request.StartsAt is not { } startsAt)
        {
            errors.Add("startsAt", "The time the sale starts is required.");
        }
        else if ((startsAt - clock.GetUtcNow()).Duration() > SaleHorizon)
        {
            errors.Add("startsAt", "A sale starts within a year of now.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        return await KnownCellAsync(grains, sku, locationId) is { } key
            ? ToResponse(await grains.Cell(key).ScheduleSaleAsync(request.StartsAt!.Value.ToUniversalTime(), Caller.Of(user).Actor))
            : UnknownCell(sku, locationId);
    }

    private static async Task<Results<Ok<CellCommandResponse>, ProblemHttpResult, ValidationProblem>> CallOffSale(
        IGrainFactory grains, ClaimsPrincipal user, string sku, string locationId) =>
        await KnownCellAsync(grains, sku, locationId) is { } key
            ? ToResponse(await grains.Cell(key).ScheduleSaleAsync(null, Caller.Of(user).Actor))
            : UnknownCell(sku, locationId);

    private static Results<Ok<CellCommandResponse>, ProblemHttpResult, ValidationProblem> ToResponse(CellResult result) =>
        result.Succeeded
            ? TypedResults.Ok(new CellCommandResponse(result.Outcome, result.Cell))
            : Problems.Conflict(result.Detail ?? result.Outcome.ToString());

    /// <summary>The cell's key when both the sku and the location exist in the catalog.</summary>
    private static async Task<CellKey?> KnownCellAsync(IGrainFactory grains, string sku, string locationId)
    {
        if (!Identifier.IsValid(sku) || !Identifier.IsValid(locationId))
        {
            return null;
        }

        var catalog = grains.Catalog();
        var product = catalog.GetProductAsync(sku);
        var locations = catalog.GetLocationsAsync();
        return await product is not null && (await locations).Any(l => l.Id == locationId) ? new CellKey(sku, locationId) : null;
    }

    private static ProblemHttpResult UnknownCell(string sku, string locationId) =>
        Problems.NotFound($"No product {sku} at a location {locationId}.");
}
