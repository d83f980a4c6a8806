using Tandem.Contracts.Catalog;
using Tandem.Contracts.Orders;
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
}
