using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Dispatch;
using Tandem.Contracts.Hubs;
using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>
/// A delivered order's approved return is offered to couriers through the dispatch windows: the courier near the shopper
/// takes the pickup, collects it at the door and drops it at the nearest warehouse (sorting); a return handed in at a store
/// while offered leaves the queue and its offer is withdrawn.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReturnPickupDispatchTests(ApiFixture api)
{
    /// <summary>Bath and Exeter: far from the demo city's couriers and from each other, so each test has its town's couriers to itself.</summary>
    private static readonly Town Bath = new("bath", 51.3811, -2.3590);

    private static readonly Town Exeter = new("exeter", 50.7184, -3.5339);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_approved_return_of_a_delivered_order_is_offered_taken_collected_at_the_door_and_dropped_at_sorting()
    {
        var town = Bath;
        var (orderId, sku, shopperId, rider) = await DeliveredOrderAsync(town, quantity: 2);
        using var shopper = api.ClientAs("shopper", shopperId);
        using var riderClient = api.ClientAs("courier", rider);
        using var ops = api.Ops();
        await using var phone = api.Hub(HubContract.Routes.Courier, api.Token("courier", rider));
        var offered = await CourierPhone.OffersAsync(phone, rider);

        using var made = await shopper.PostJsonAsync("/api/returns", Http.ReturnBody(orderId, sku, 1), "return-door");
        var returnId = (await Read(made)).GetProperty("returnId").GetString()!;
        var offer = await Await.WithinAsync(offered, TimeSpan.FromSeconds(10), "the return pickup offered to the courier near the door");
        var queue = await ops.GetFromJsonAsync<WaitingOrder[]>("/api/dispatch/waiting", ApiFixture.Json, Cancel);
        using var accepted = await riderClient.PostJsonAsync($"/api/couriers/{rider}/offers/{returnId}/accept", "{}");
        using var acceptedAgain = await riderClient.PostJsonAsync($"/api/couriers/{rider}/offers/{returnId}/accept", "{}");
        var carrying = await api.Grains.Courier(new CourierId(rider)).GetAsync();
        using var collected = await riderClient.PostJsonAsync($"/api/returns/{returnId}/collected", "{}");
        var collectedJob = (await api.Grains.Courier(new CourierId(rider)).GetAsync())!.Assignments.Single();
        using var sorted = await riderClient.PostJsonAsync($"/api/returns/{returnId}/sorting", "{}");
        var after = await api.Grains.Courier(new CourierId(rider)).GetAsync();

        Assert.Equal((HttpStatusCode.Created, "approved"), (made.StatusCode, (await Read(made)).GetProperty("status").GetString()));
        Assert.Equal((returnId, CourierJobKind.ReturnPickup, town.Door, town.Warehouse.Position), (offer.OrderId, offer.Kind, offer.Pickup, offer.Dropoff));
        var waiting = Assert.Single(queue!, w => w.OrderId == returnId);
        Assert.Equal((CourierJobKind.ReturnPickup, rider), (waiting.Kind, waiting.OfferedTo));
        Assert.Equal(waiting.Since + TimeSpan.FromHours(4), waiting.PromisedBy);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (accepted.StatusCode, acceptedAgain.StatusCode));
        var scheduled = await Read(accepted);
        Assert.Equal(("pickupScheduled", rider, $"courier:{rider}"), (scheduled.GetProperty("status").GetString(), scheduled.GetProperty("courierId").GetString(),
            scheduled.GetProperty("history").EnumerateArray().Last().GetProperty("actor").GetString()));
        var job = Assert.Single(carrying!.Assignments);
        Assert.Equal((returnId, CourierJobKind.ReturnPickup, town.Door, town.Warehouse.Position, false), (job.OrderId, job.Kind, job.Pickup, job.Dropoff, job.PickedUp));
        Assert.Equal((CourierStatus.ToPickup, (CourierOffer?)null), (carrying.Status, carrying.Offer));
        Assert.Equal("collected", (await Read(collected)).GetProperty("status").GetString());
        Assert.True(collectedJob.PickedUp);
        Assert.Equal("atSorting", (await Read(sorted)).GetProperty("status").GetString());
        Assert.Equal((CourierStatus.Idle, 0), (after!.Status, after.Assignments.Count));
        var left = await ops.GetFromJsonAsync<WaitingOrder[]>("/api/dispatch/waiting", ApiFixture.Json, Cancel);
        Assert.DoesNotContain(left!, w => w.OrderId == returnId);
        var why = await ops.GetFromJsonAsync<OrderDispatchResponse>($"/api/returns/{returnId}/dispatch", ApiFixture.Json, Cancel);
        Assert.Equal([(rider, DispatchOutcome.Accepted)], why!.Decisions.Select(d => (d.CourierId, d.Outcome)));
    }

    [Fact]
    public async Task A_return_handed_in_at_a_store_while_offered_leaves_the_queue_and_the_offer_is_withdrawn()
    {
        var (orderId, sku, shopperId, rider) = await DeliveredOrderAsync(Exeter, quantity: 1);
        using var shopper = api.ClientAs("shopper", shopperId);
        using var riderClient = api.ClientAs("courier", rider);
        using var ops = api.Ops();
        await using var phone = api.Hub(HubContract.Routes.Courier, api.Token("courier", rider));
        var offered = await CourierPhone.OffersAsync(phone, rider);

        using var made = await shopper.PostJsonAsync("/api/returns", Http.ReturnBody(orderId, sku, 1), "return-store");
        var returnId = (await Read(made)).GetProperty("returnId").GetString()!;
        var offer = await Await.WithinAsync(offered, TimeSpan.FromSeconds(10), "the return pickup offered");
        using var handedIn = await ops.PostJsonAsync($"/api/returns/{returnId}/hand-in", """{"storeId":"st-camden"}""");
        using var lateAccept = await riderClient.PostJsonAsync($"/api/couriers/{rider}/offers/{returnId}/accept", "{}");

        Assert.Equal(returnId, offer.OrderId);
        Assert.Equal("collected", (await Read(handedIn)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, lateAccept.StatusCode);
        var courier = await api.Grains.Courier(new CourierId(rider)).GetAsync();
        Assert.Equal(((CourierOffer?)null, 0), (courier!.Offer, courier.Assignments.Count));
        var queue = await ops.GetFromJsonAsync<WaitingOrder[]>("/api/dispatch/waiting", ApiFixture.Json, Cancel);
        Assert.DoesNotContain(queue!, w => w.OrderId == returnId);
        var why = await ops.GetFromJsonAsync<OrderDispatchResponse>($"/api/returns/{returnId}/dispatch", ApiFixture.Json, Cancel);
        Assert.Equal([(rider, DispatchOutcome.Withdrawn)], why!.Decisions.Select(d => (d.CourierId, d.Outcome)));
    }

    /// <summary>An order delivered to the town's door by a courier of its own, who is idle near the door afterwards.</summary>
    private async Task<(string OrderId, string Sku, string Shopper, string Rider)> DeliveredOrderAsync(Town town, int quantity)
    {
        var sku = await TestData.StockedAtAsync(api.Grains, town.Store, quantity);
        await api.Grains.Catalog().UpsertAsync([], [town.Warehouse]);
        var rider = TestData.NewId("courier");
        await api.Grains.Courier(new CourierId(rider)).RegisterAsync("Rider", 2, new GeoPoint { Lat = town.Door.Lat + 0.001, Lon = town.Door.Lon - 0.001 }, CourierStatus.Idle);
        await TestData.SeenByDispatchAsync(api.Grains, rider);
        var shopperId = TestData.NewId("shopper");
        using var shopper = api.ClientAs("shopper", shopperId);
        using var ops = api.Ops();
        using var riderClient = api.ClientAs("courier", rider);
        using var placed = await shopper.PostJsonAsync("/api/orders", Http.DeliveryOrder(TestData.NewId("session"), town.Door.Lat, town.Door.Lon, (sku, quantity)), TestData.NewId("k"));
        var orderId = (await placed.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, Cancel))!.OrderId;
        (await ops.PostJsonAsync($"/api/orders/{orderId}/pack", "{}")).EnsureSuccessStatusCode();
        (await ops.PostJsonAsync($"/api/orders/{orderId}/dispatch", $$"""{"courierId":"{{rider}}"}""")).EnsureSuccessStatusCode();
        (await riderClient.PostJsonAsync($"/api/orders/{orderId}/picked-up", "{}")).EnsureSuccessStatusCode();
        (await riderClient.PostJsonAsync($"/api/orders/{orderId}/delivered", "{}")).EnsureSuccessStatusCode();
        await TestData.SeenByDispatchAsync(api.Grains, rider); // idle again, as the zone sees it
        return (orderId, sku, shopperId, rider);
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();

    /// <summary>A town: a store, a warehouse near it (nearer than any in London: the sorting centre) and a shopper's door.</summary>
    private sealed record Town(string Name, double Lat, double Lon)
    {
        public Location Store => TestData.RemoteStore("t-" + Name, "Test store " + Name, Lat, Lon);

        public Location Warehouse => TestData.RemoteStore("t-" + Name + "-sorting", "Test warehouse " + Name, Lat + 0.009, Lon - 0.06) with { Kind = LocationKind.Warehouse };

        public GeoPoint Door => new() { Lat = Lat - 0.006, Lon = Lon - 0.001 };
    }
}
