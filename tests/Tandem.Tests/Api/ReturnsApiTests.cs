using System.Net;
using System.Text.Json;

using Tandem.Contracts.Couriers;
using Tandem.Contracts.Catalog;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>A return over HTTP: requested by the shopper, handed in at a store or collected by a courier, graded, settled, restocked.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReturnsApiTests(ApiFixture api)
{
    private const string Store = "st-camden";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A collected pickup order of <paramref name="shopper"/> for <paramref name="quantity"/> units of a new product (price 10).</summary>
    private async Task<(string OrderId, string Sku)> CollectedOrderAsync(string shopper, int quantity)
    {
        using var ops = api.Ops();
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        await ops.ReceiveAsync(sku, Store, quantity, "opening");
        var session = TestData.NewId("session");
        await api.Grains.Session(new SessionId(session)).ClaimAsync(new ShopperId(shopper));
        using var placed = await ops.PostJsonAsync("/api/orders", Http.PickupOrder(session, Store, (sku, quantity)), TestData.NewId("k"), api.Token("shopper", shopper));
        placed.EnsureSuccessStatusCode();
        var orderId = (await Read(placed)).GetProperty("orderId").GetString()!;
        foreach (var step in new[] { "pack", "ready-for-pickup", "picked-up" })
        {
            (await ops.PostJsonAsync($"/api/orders/{orderId}/{step}", "{}")).EnsureSuccessStatusCode();
        }

        return (orderId, sku);
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();

    [Fact]
    public async Task A_store_return_is_requested_retried_handed_in_graded_by_that_store_and_settled_with_a_coupon()
    {
        var shopper = TestData.NewId("shopper");
        var (orderId, sku) = await CollectedOrderAsync(shopper, 2);
        using var client = api.ClientAs("shopper", shopper);
        using var staff = api.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new("Bearer", api.Token("ops", "staff-camden", Store));

        using var made = await client.PostJsonAsync("/api/returns", Http.ReturnBody(orderId, sku, 1), "return-1");
        using var retried = await client.PostJsonAsync("/api/returns", Http.ReturnBody(orderId, sku, 1), "return-1");
        var returnId = (await Read(made)).GetProperty("returnId").GetString()!;
        using var chosen = await client.PostJsonAsync($"/api/returns/{returnId}/compensation", """{"kind":"coupon"}""");
        using var handedIn = await staff.PostJsonAsync($"/api/returns/{returnId}/hand-in", "{}");
        using var graded = await staff.PostJsonAsync($"/api/returns/{returnId}/grade", """{"grade":"a","note":"as new"}""");
        using var gradedAgain = await staff.PostJsonAsync($"/api/returns/{returnId}/grade", """{"grade":"a"}""");
        using var putAway = await staff.PostJsonAsync($"/api/returns/{returnId}/put-away", $$"""{"locationId":"{{Store}}"}""");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (made.StatusCode, retried.StatusCode));
        Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal("approved", (await Read(made)).GetProperty("status").GetString());
        Assert.Equal(11m, (await Read(chosen)).GetProperty("compensation").GetProperty("coupon").GetDecimal());
        Assert.Equal((HttpStatusCode.OK, "collected", Store), (handedIn.StatusCode, (await Read(handedIn)).GetProperty("status").GetString(), (await Read(handedIn)).GetProperty("storeId").GetString()));
        var settlement = (await Read(graded)).GetProperty("settlement");
        Assert.Equal(("coupon", 11m, "ops:staff-camden"), (settlement.GetProperty("kind").GetString(), settlement.GetProperty("amount").GetDecimal(), settlement.GetProperty("actor").GetString()));
        Assert.True(settlement.GetProperty("counterSeconds").GetDouble() is >= 0 and < 60);
        Assert.Equal(HttpStatusCode.OK, gradedAgain.StatusCode);
        Assert.Equal(("restocked", $"{sku}@{Store}", "met"), ((await Read(putAway)).GetProperty("status").GetString(), (await Read(putAway)).GetProperty("restockedTo").GetString(), (await Read(putAway)).GetProperty("resale").GetString()));

        var code = settlement.GetProperty("couponCode").GetString()!;
        var coupon = await Read(await client.GetAsync(new Uri($"/api/coupons/{code}", UriKind.Relative), Cancel));
        Assert.Equal((shopper, 11m), (coupon.GetProperty("shopperId").GetString(), coupon.GetProperty("amount").GetDecimal()));
        var order = await Read(await client.GetAsync(new Uri($"/api/orders/{orderId}", UriKind.Relative), Cancel));
        Assert.Equal("partiallyReturned", order.GetProperty("status").GetString());
        Assert.Equal(1, (await api.Grains.Cell(new CellKey(sku, Store)).GetSnapshotAsync()).OnHand);
    }

    [Fact]
    public async Task A_courier_pickup_is_collected_by_that_courier_only_sorted_graded_and_refunded()
    {
        var shopper = TestData.NewId("shopper");
        var (orderId, sku) = await CollectedOrderAsync(shopper, 1);
        var courier = TestData.NewId("courier");
        await api.Grains.Courier(new CourierId(courier)).RegisterAsync("Returns", 2, new GeoPoint { Lat = 51.5, Lon = -0.1 }, CourierStatus.Idle);
        using var client = api.ClientAs("shopper", shopper);
        using var ops = api.Ops();
        using var rider = api.ClientAs("courier", courier);

        using var made = await client.PostJsonAsync("/api/returns", Http.ReturnBody(orderId, sku, 1), "return-2");
        var returnId = (await Read(made)).GetProperty("returnId").GetString()!;
        using var beforePickup = await rider.GetAsync(new Uri($"/api/returns/{returnId}", UriKind.Relative), Cancel);
        using var scheduled = await ops.PostJsonAsync($"/api/returns/{returnId}/pickup", $$"""{"courierId":"{{courier}}"}""");
        using var seen = await rider.GetAsync(new Uri($"/api/returns/{returnId}", UriKind.Relative), Cancel);
        using var collected = await rider.PostJsonAsync($"/api/returns/{returnId}/collected", "{}");
        using var sorted = await ops.PostJsonAsync($"/api/returns/{returnId}/sorting", "{}");
        using var graded = await ops.PostJsonAsync($"/api/returns/{returnId}/grade", """{"grade":"c"}""");

        Assert.Equal(HttpStatusCode.Forbidden, beforePickup.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (scheduled.StatusCode, seen.StatusCode));
        Assert.Equal("collected", (await Read(collected)).GetProperty("status").GetString());
        Assert.Equal("atSorting", (await Read(sorted)).GetProperty("status").GetString());
        var view = await Read(graded);
        Assert.Equal(("disposed", "refund", 10m), (view.GetProperty("status").GetString(), view.GetProperty("settlement").GetProperty("kind").GetString(), view.GetProperty("settlement").GetProperty("amount").GetDecimal()));
        var order = await Read(await client.GetAsync(new Uri($"/api/orders/{orderId}", UriKind.Relative), Cancel));
        Assert.Equal("returned", order.GetProperty("status").GetString());
    }
}
