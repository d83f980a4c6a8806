using System.Net;
using System.Net.Http.Json;

using Tandem.Brains.Dispatch;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Dispatch;
using Tandem.Contracts.Hubs;
using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>Packed delivery orders are offered to the idle courier the window's decision picks (the nearest, for one order alone); a decline passes the offer on.</summary>
[Collection(ApiCollection.Name)]
public sealed class DispatchOfferTests(ApiFixture api)
{
    /// <summary>A store in Cambridge, far from the demo city's couriers, so only this test's couriers are near it.</summary>
    private static readonly Location FarStore = TestData.RemoteStore("t-cambridge", "Test store Cambridge", 52.2053, 0.1218);

    private static readonly string FarZone = new ZoneGrid().Of(new Place(52.2053, 0.1218)).ToString();

    [Fact]
    public async Task A_packed_delivery_order_is_offered_to_the_nearest_idle_courier_and_on_decline_to_the_next()
    {
        var sku = await TestData.StockedAtAsync(api.Grains, FarStore, 3);
        var nearest = TestData.NewId("courier");
        var next = TestData.NewId("courier");
        await api.Grains.Courier(new CourierId(nearest)).RegisterAsync("Nearest", 2, new GeoPoint { Lat = 52.2054, Lon = 0.1219 }, CourierStatus.Idle);
        await api.Grains.Courier(new CourierId(next)).RegisterAsync("Next", 2, new GeoPoint { Lat = 52.2100, Lon = 0.1300 }, CourierStatus.Idle);
        await TestData.SeenByDispatchAsync(api.Grains, nearest, next);
        using var shopper = api.ClientAs("shopper", TestData.NewId("shopper"));
        using var ops = api.Ops();
        using var first = api.ClientAs("courier", nearest);
        using var second = api.ClientAs("courier", next);
        await using var firstPhone = api.Hub(HubContract.Routes.Courier, api.Token("courier", nearest));
        await using var nextPhone = api.Hub(HubContract.Routes.Courier, api.Token("courier", next));
        var offerToFirst = await CourierPhone.OffersAsync(firstPhone, nearest);
        var offerToNext = await CourierPhone.OffersAsync(nextPhone, next);

        var placed = await shopper.PostJsonAsync("/api/orders", Http.DeliveryOrder(TestData.NewId("session"), 52.19, 0.13, (sku, 1)), "far-1");
        var orderId = (await placed.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken))!.OrderId;
        (await ops.PostJsonAsync($"/api/orders/{orderId}/pack", "{}")).EnsureSuccessStatusCode();
        var offered = await Await.WithinAsync(offerToFirst, TimeSpan.FromSeconds(5), "the offer to the nearest courier");
        var queue = await ops.GetFromJsonAsync<WaitingOrder[]>("/api/dispatch/waiting", ApiFixture.Json, TestContext.Current.CancellationToken);

        var declined = await first.PostJsonAsync($"/api/couriers/{nearest}/offers/{orderId}/decline", "{}");
        var offer = await Await.WithinAsync(offerToNext, TimeSpan.FromSeconds(5), "the offer passed to the next courier");
        var stolen = await first.PostJsonAsync($"/api/couriers/{nearest}/offers/{orderId}/accept", "{}");
        var accepted = await second.PostJsonAsync($"/api/couriers/{next}/offers/{orderId}/accept", "{}");
        var acceptedAgain = await second.PostJsonAsync($"/api/couriers/{next}/offers/{orderId}/accept", "{}");

        Assert.Equal((orderId, FarStore.Id), (offered.OrderId, offered.PickupLocationId));
        var waiting = Assert.Single(queue!, w => w.OrderId == orderId);
        Assert.Equal(nearest, waiting.OfferedTo);
        // Why that courier: the window's costs, from the courier to the store and from the store to the door.
        var travel = new TravelModel();
        var store = new Place(FarStore.Position.Lat, FarStore.Position.Lon);
        Assert.Equal(nearest, waiting.Choice!.CourierId);
        var window = waiting.Choice.Window;
        Assert.Equal(Math.Round(travel.Between(new Place(52.2054, 0.1219), store, raining: false, window).TotalSeconds, 1), waiting.Choice.ToPickupSeconds);
        var atStops = travel.AtStops.Collect + travel.AtStops.HandOver;
        Assert.Equal(Math.Round((atStops + travel.Between(store, new Place(52.19, 0.13), raining: false, window)).TotalSeconds, 1), waiting.Choice.ToDropoffSeconds);
        Assert.Equal((0, 0, 0, 0), (waiting.Choice.LateSeconds, waiting.Choice.LoadSeconds, waiting.Choice.DelayToCarriedSeconds, waiting.Choice.HoldSeconds));
        Assert.Equal((travel.IsRushHour(window), false, FarZone, 1.0), (waiting.Choice.RushHour, waiting.Choice.Raining, waiting.Choice.Zone, waiting.Choice.WindowSeconds));
        Assert.Equal(2, waiting.Choice.Candidates);
        Assert.Equal([nearest, next], waiting.Choice.Shortlist.Select(c => c.CourierId));
        Assert.Equal(waiting.Choice.Cost, waiting.Choice.Shortlist[0].Cost);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(orderId, offer.OrderId);
        Assert.Equal(HttpStatusCode.Conflict, stolen.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (accepted.StatusCode, acceptedAgain.StatusCode));
        var order = await api.Grains.Order(new OrderId(orderId)).GetAsync();
        Assert.Equal((OrderStatus.Dispatched, next, $"courier:{next}"), (order!.Status, order.CourierId, order.History[^1].Actor));
        var courier = await api.Grains.Courier(new CourierId(next)).GetAsync();
        Assert.Equal((CourierStatus.ToPickup, (CourierOffer?)null), (courier!.Status, courier.Offer));
        Assert.Null((await api.Grains.Courier(new CourierId(nearest)).GetAsync())!.Offer);

        // Why this courier, for the shopper who ordered: the declined offer, then the accepted one.
        var why = await Await.UntilAsync(async () =>
        {
            var record = await shopper.GetFromJsonAsync<OrderDispatchResponse>($"/api/orders/{orderId}/dispatch", ApiFixture.Json, TestContext.Current.CancellationToken);
            return record!.Decisions.Count == 2 && record.Decisions[1].Outcome == DispatchOutcome.Accepted ? record : null;
        }, TimeSpan.FromSeconds(10));
        Assert.Equal((orderId, FarZone, false), (why.OrderId, why.Zone, why.Waiting));
        Assert.Equal([(nearest, DispatchOutcome.Declined), (next, DispatchOutcome.Accepted)], why.Decisions.Select(d => (d.CourierId, d.Outcome)));
        Assert.Equal((window, waiting.Choice.Cost, waiting.Choice.ToPickupSeconds), (why.Decisions[0].Window, why.Decisions[0].Cost, why.Decisions[0].ToPickupSeconds));
        Assert.Equal([next], why.Decisions[1].Shortlist.Select(c => c.CourierId)); // the courier who declined is not asked again
    }

    [Fact]
    public async Task An_offer_nobody_answers_passes_to_the_next_courier_when_it_expires()
    {
        var store = TestData.RemoteStore("t-york", "Test store York", 53.9590, -1.0815);
        var sku = await TestData.StockedAtAsync(api.Grains, store, 2);
        var silent = TestData.NewId("courier");
        var next = TestData.NewId("courier");
        await api.Grains.Courier(new CourierId(silent)).RegisterAsync("Silent", 2, new GeoPoint { Lat = 53.9591, Lon = -1.0816 }, CourierStatus.Idle);
        await api.Grains.Courier(new CourierId(next)).RegisterAsync("Next", 2, new GeoPoint { Lat = 53.9650, Lon = -1.0900 }, CourierStatus.Idle);
        await TestData.SeenByDispatchAsync(api.Grains, silent, next);
        await using var silentPhone = api.Hub(HubContract.Routes.Courier, api.Token("courier", silent));
        await using var nextPhone = api.Hub(HubContract.Routes.Courier, api.Token("courier", next));
        var offerToSilent = await CourierPhone.OffersAsync(silentPhone, silent);
        var offerToNext = await CourierPhone.OffersAsync(nextPhone, next);
        using var shopper = api.ClientAs("shopper", TestData.NewId("shopper"));
        using var ops = api.Ops();

        var placed = await shopper.PostJsonAsync("/api/orders", Http.DeliveryOrder(TestData.NewId("session"), 53.95, -1.08, (sku, 1)), "york-1");
        var orderId = (await placed.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken))!.OrderId;
        (await ops.PostJsonAsync($"/api/orders/{orderId}/pack", "{}")).EnsureSuccessStatusCode();
        var first = await Await.WithinAsync(offerToSilent, TimeSpan.FromSeconds(10), "the offer to the nearest courier");
        var passed = await Await.WithinAsync(offerToNext, TimeSpan.FromSeconds(20), "the offer passed on when the first expired");
        using var silentClient = api.ClientAs("courier", silent);
        var lateAccept = await silentClient.PostJsonAsync($"/api/couriers/{silent}/offers/{orderId}/accept", "{}");

        Assert.Equal((orderId, orderId), (first.OrderId, passed.OrderId));
        Assert.True(passed.OfferedAt >= first.ExpiresAt, $"passed on at {passed.OfferedAt:O}, before the first offer expired at {first.ExpiresAt:O}");
        Assert.Equal(HttpStatusCode.Conflict, lateAccept.StatusCode);
        Assert.Null((await api.Grains.Courier(new CourierId(silent)).GetAsync())!.Offer);
        var queue = await ops.GetFromJsonAsync<WaitingOrder[]>("/api/dispatch/waiting", ApiFixture.Json, TestContext.Current.CancellationToken);
        var waiting = Assert.Single(queue!, w => w.OrderId == orderId);
        Assert.Equal(next, waiting.OfferedTo);
        Assert.Equal([silent], waiting.Tried);
        var why = await ops.GetFromJsonAsync<OrderDispatchResponse>($"/api/orders/{orderId}/dispatch", ApiFixture.Json, TestContext.Current.CancellationToken);
        Assert.Equal([(silent, DispatchOutcome.Expired), (next, DispatchOutcome.Offered)], why!.Decisions.Select(d => (d.CourierId, d.Outcome)));
        Assert.True(why.Waiting);
    }

    [Fact]
    public async Task A_packed_delivery_order_whose_events_are_all_lost_is_offered_all_the_same()
    {
        var store = TestData.RemoteStore("t-oxford", "Test store Oxford", 51.7520, -1.2577);
        var sku = await TestData.StockedAtAsync(api.Grains, store, 2);
        var courierId = TestData.NewId("courier");
        await api.Grains.Courier(new CourierId(courierId)).RegisterAsync("Oxford", 2, new GeoPoint { Lat = 51.7521, Lon = -1.2578 }, CourierStatus.Idle);
        await TestData.SeenByDispatchAsync(api.Grains, courierId);
        await using var phone = api.Hub(HubContract.Routes.Courier, api.Token("courier", courierId));
        var offered = await CourierPhone.OffersAsync(phone, courierId);
        var orderId = TestData.NewId(DroppedEvents.Marker); // no event of this order reaches any subscriber
        var order = api.Grains.Order(new OrderId(orderId));

        await order.PlaceAsync(new PlaceOrder
        {
            ShopperId = new("shopper-oxford"), SessionId = new(TestData.NewId("session")), Mode = FulfilmentMode.Delivery,
            DeliveryAddress = new GeoPoint { Lat = 51.75, Lon = -1.25 }, Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }],
        });
        await order.PackAsync("ops:packer");

        var offer = await Await.WithinAsync(offered, TimeSpan.FromSeconds(10), "the offer of an order whose events were lost");
        Assert.Equal((orderId, store.Id), (offer.OrderId, offer.PickupLocationId));
    }
}
