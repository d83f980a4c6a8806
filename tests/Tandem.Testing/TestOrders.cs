using Tandem.Contracts.Catalog;
using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Tests.Infrastructure;

/// <summary>Placement requests as grain tests send them: shopper "Test" in session "test-session".</summary>
public static class TestOrders
{
    /// <summary>A delivery address a few hundred metres from the test store in Brixton.</summary>
    public static readonly GeoPoint NearBrixton = new() { Lat = 51.4600, Lon = -0.1150 };

    public static PlaceOrder Pickup(string locationId, params (string Sku, int Quantity)[] lines) => new()
    {
        ShopperId = new("Test"),
        SessionId = new("test-session"),
        Lines = [.. lines.Select(l => new OrderLineRequest { Sku = l.Sku, Quantity = l.Quantity })],
        Mode = FulfilmentMode.Pickup,
        PickupLocationId = locationId,
    };

    public static PlaceOrder Delivery(GeoPoint to, params (string Sku, int Quantity)[] lines) => new()
    {
        ShopperId = new("Test"),
        SessionId = new("test-session"),
        Lines = [.. lines.Select(l => new OrderLineRequest { Sku = l.Sku, Quantity = l.Quantity })],
        Mode = FulfilmentMode.Delivery,
        DeliveryAddress = to,
    };

    /// <summary>
    /// A new product with <paramref name="quantity"/> units at the test store, ordered whole for pickup, packed, ready, and
    /// (unless <paramref name="collect"/> is false) collected by the shopper.
    /// </summary>
    public static async Task<(string Sku, IOrderGrain Order)> CollectedAsync(IGrainFactory grains, int quantity, bool collect = true)
    {
        var sku = (await TestData.NewProductsAsync(grains, 1))[0];
        await grains.Cell(new CellKey(sku, TestData.Camden.Id)).ReceiveAsync(quantity, "opening", "tester");
        var order = grains.Order(new OrderId(TestData.NewId("o")));
        var placed = await order.PlaceAsync(Pickup(TestData.Camden.Id, (sku, quantity)));
        if (placed.Outcome != OrderOutcome.Applied)
        {
            throw new InvalidOperationException($"The test order was not placed: {placed.Outcome} {placed.Detail}");
        }

        await order.PackAsync("packer");
        await order.MarkReadyForPickupAsync("store");
        if (collect)
        {
            await order.MarkPickedUpAsync("shopper:Test");
        }

        return (sku, order);
    }
}
