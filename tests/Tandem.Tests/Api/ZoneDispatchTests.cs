using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;

using Microsoft.AspNetCore.SignalR.Client;

using Tandem.Brains.Dispatch;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Dispatch;
using Tandem.Contracts.Hubs;
using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>Zones weigh the couriers in and near them, batch orders from one pickup when that is cheaper, and ride slower where it rains.</summary>
[Collection(ApiCollection.Name)]
public sealed class ZoneDispatchTests(ApiFixture api)
{
    private static readonly TravelModel Travel = new();
    private static readonly ZoneGrid Zones = new();

    [Fact]
    public async Task An_order_from_the_store_a_courier_waits_at_joins_their_batch_when_its_door_is_on_the_way()
    {
        var store = TestData.RemoteStore("t-norwich", "Test store Norwich", 52.6309, 1.2974);
        var sku = await TestData.StockedAtAsync(api.Grains, store, 4);
        var (batcher, other) = (TestData.NewId("courier"), TestData.NewId("courier"));
        await api.Grains.Courier(new CourierId(batcher)).RegisterAsync("Batcher", 3, store.Position, CourierStatus.Idle);
        await api.Grains.Courier(new CourierId(other)).RegisterAsync("Other", 2, North(store.Position, -2.95), CourierStatus.Idle); // still within the zone's reach
        await TestData.SeenByDispatchAsync(api.Grains, batcher, other);
        await using var batcherPhone = api.Hub(HubContract.Routes.Courier, api.Token("courier", batcher));
        await using var otherPhone = api.Hub(HubContract.Routes.Courier, api.Token("courier", other));
        var toBatcher = await OffersAsync(batcherPhone, batcher);
        var toOther = await OffersAsync(otherPhone, other);
        using var shopper = api.ClientAs("shopper", TestData.NewId("shopper"));
        using var ops = api.Ops();
        using var batcherClient = api.ClientAs("courier", batcher);

        var first = await PackedDeliveryAsync(shopper, ops, sku, North(store.Position, 1));
        var firstOffer = await toBatcher.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        (await batcherClient.PostJsonAsync($"/api/couriers/{batcher}/offers/{first}/accept", "{}")).EnsureSuccessStatusCode();
        await TestData.SeenByDispatchAsync(api.Grains, batcher);
        var second = await PackedDeliveryAsync(shopper, ops, sku, North(store.Position, 1.2));
        var secondOffer = await toBatcher.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var queue = await ops.GetFromJsonAsync<WaitingOrder[]>("/api/dispatch/waiting", ApiFixture.Json, TestContext.Current.CancellationToken);
        var accepted = await batcherClient.PostJsonAsync($"/api/couriers/{batcher}/offers/{second}/accept", "{}");

        Assert.Equal((first, second), (firstOffer.OrderId, secondOffer.OrderId));
        var choice = Assert.Single(queue!, w => w.OrderId == second).Choice!;
        Assert.Equal(batcher, choice.CourierId);
        Assert.Equal([first], choice.BatchedWith);
        // Collected right after the first order (20 s more at the counter), handed over after the first one's door.
        var factor = Travel.SpeedFactor(raining: false, choice.Window);
        var (stops, door1, door2) = (Travel.AtStops, At(North(store.Position, 1)), At(North(store.Position, 1.2)));
        var handedOver = stops.Collect + stops.CollectAgain + Travel.Between(At(store.Position), door1, factor) + stops.HandOver + Travel.Between(door1, door2, factor) + stops.HandOver;
        Assert.Equal(handedOver.TotalSeconds, choice.ToPickupSeconds + choice.ToDropoffSeconds, 0.11);
        // One order and one free courier: the zone is quiet, so the carried order weighs five times (600 s), and the batch
        // still wins against a courier 2.95 km away (at 2.5 km, outside the rush hour, that courier would win).
        Assert.Equal((stops.CollectAgain.TotalSeconds, 600.0), (choice.DelayToCarriedSeconds, choice.LoadSeconds));
        Assert.Equal([batcher, other], choice.Shortlist.Select(c => c.CourierId));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.False(toOther.TryRead(out _));

        // The courier's stops: both collected at the store, then the nearer door, then the farther one, with ETAs.
        var courier = (await api.Grains.Courier(new CourierId(batcher)).GetAsync())!;
        Assert.Equal([(true, store.Id), (true, store.Id), (false, null), (false, null)], courier.Stops.Select(s => (s.IsPickup, s.LocationId)));
        Assert.Equal([first, second], courier.Stops.Where(s => !s.IsPickup).Select(s => s.OrderId));
        var from = courier.PositionAt!.Value;
        var now = Travel.SpeedFactor(raining: false, from);
        Assert.Equal(from + stops.Collect + stops.CollectAgain + Travel.Between(At(store.Position), door1, now), courier.Stops[2].Eta);
        Assert.Equal(courier.Stops[2].Eta + stops.HandOver + Travel.Between(door1, door2, now), courier.Stops[3].Eta);
        Assert.All(courier.Stops.Where(s => !s.IsPickup), s => Assert.NotNull(s.PromisedBy));
    }

    [Fact]
    public async Task A_zone_weighs_couriers_near_its_edge_but_not_beyond_and_rides_slower_where_it_rains()
    {
        var store = TestData.RemoteStore("t-lincoln", "Test store Lincoln", 53.2307, -0.5406);
        var zone = Zones.Of(At(store.Position));
        var area = Zones.Area(zone);
        var sku = await TestData.StockedAtAsync(api.Grains, store, 2);
        var nearEdge = new GeoPoint { Lat = area.North + ((Zones.EdgeKm - 0.5) / 111.32), Lon = store.Position.Lon };
        var beyond = new GeoPoint { Lat = area.North + ((Zones.EdgeKm + 1) / 111.32), Lon = store.Position.Lon };
        var (near, far) = (TestData.NewId("courier"), TestData.NewId("courier"));
        await api.Grains.Courier(new CourierId(near)).RegisterAsync("Near the edge", 2, nearEdge, CourierStatus.Idle);
        await api.Grains.Courier(new CourierId(far)).RegisterAsync("Beyond", 2, beyond, CourierStatus.Idle);
        await TestData.SeenByDispatchAsync(api.Grains, near, far);
        await using var nearPhone = api.Hub(HubContract.Routes.Courier, api.Token("courier", near));
        var toNear = await OffersAsync(nearPhone, near);
        using var shopper = api.ClientAs("shopper", TestData.NewId("shopper"));
        using var ops = api.Ops();
        await using var controlRoom = api.Hub(HubContract.Routes.Ops, api.Token("ops", "control-room"));
        var decided = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        controlRoom.On<JsonElement[]>(HubContract.Events.Event, batch =>
        {
            foreach (var e in batch.Where(e => e.GetProperty("kind").GetString() == DispatchDecided.OpsKind
                && e.GetProperty("data").GetProperty("zone").GetProperty("zone").GetString() == zone.ToString()
                && e.GetProperty("data").GetProperty("offers").GetArrayLength() > 0))
            {
                decided.TrySetResult(e);
            }
        });
        await controlRoom.StartAsync(TestContext.Current.CancellationToken);
        var rainId = TestData.NewId("rain");
        var rain = new { lat = store.Position.Lat, lon = store.Position.Lon, radiusKm = 1.0, mmPerHour = 6.0, until = DateTimeOffset.UtcNow.AddHours(1) };
        (await ops.PutAsJsonAsync($"/api/weather/rain/{rainId}", rain, ApiFixture.Json, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var orderId = await PackedDeliveryAsync(shopper, ops, sku, North(store.Position, -1));
        var offer = await toNear.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var queue = await ops.GetFromJsonAsync<WaitingOrder[]>("/api/dispatch/waiting", ApiFixture.Json, TestContext.Current.CancellationToken);
        var report = await Await.UntilAsync(async () =>
        {
            var zones = await ops.GetFromJsonAsync<ZoneReport[]>("/api/dispatch/zones", ApiFixture.Json, TestContext.Current.CancellationToken);
            return zones!.FirstOrDefault(z => z.Zone == zone.ToString() && z.Offered == 1);
        }, TimeSpan.FromSeconds(10));
        (await ops.DeleteAsync($"/api/weather/rain/{rainId}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        Assert.Equal(orderId, offer.OrderId);
        var choice = Assert.Single(queue!, w => w.OrderId == orderId).Choice!;
        Assert.Equal((near, 1, true, zone.ToString()), (choice.CourierId, choice.Candidates, choice.Raining, choice.Zone));
        Assert.Equal([near], choice.Shortlist.Select(c => c.CourierId));
        Assert.Equal(Math.Round(Travel.Between(At(nearEdge), At(store.Position), raining: true, choice.Window).TotalSeconds, 1), choice.ToPickupSeconds);
        Assert.Equal((1, 1, true), (report.Waiting, report.Offered, report.Raining));

        // The control room heard the window live on the dispatch stream: the offer with its choice, and the zone's report.
        var live = (await Await.WithinAsync(decided.Task, TimeSpan.FromSeconds(10), "the window's decision on the ops feed")).GetProperty("data");
        var liveOffer = live.GetProperty("offers").EnumerateArray().Single();
        Assert.Equal((orderId, near, choice.Cost), (liveOffer.GetProperty("orderId").GetString(), liveOffer.GetProperty("offeredTo").GetString(), liveOffer.GetProperty("choice").GetProperty("cost").GetDouble()));
        Assert.True(live.GetProperty("zone").GetProperty("raining").GetBoolean());
        Assert.Equal((area.South, area.West, area.North, area.East), (report.South, report.West, report.North, report.East));
    }

    private async Task<string> PackedDeliveryAsync(HttpClient shopper, HttpClient ops, string sku, GeoPoint door)
    {
        var placed = await shopper.PostJsonAsync("/api/orders", Http.DeliveryOrder(TestData.NewId("session"), door.Lat, door.Lon, (sku, 1)), TestData.NewId("key"));
        placed.EnsureSuccessStatusCode();
        var orderId = (await placed.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken))!.OrderId;
        (await ops.PostJsonAsync($"/api/orders/{orderId}/pack", "{}")).EnsureSuccessStatusCode();
        return orderId;
    }

    private static async Task<ChannelReader<CourierOffer>> OffersAsync(HubConnection phone, string courierId)
    {
        var offers = Channel.CreateUnbounded<CourierOffer>();
        phone.On<CourierOffer>(HubContract.Events.Offer, offer => offers.Writer.TryWrite(offer));
        await phone.StartAsync(TestContext.Current.CancellationToken);
        await phone.InvokeAsync(HubContract.Methods.Join, courierId, TestContext.Current.CancellationToken);
        return offers.Reader;
    }

    private static GeoPoint North(GeoPoint from, double km) => new() { Lat = from.Lat + (km / 111.195), Lon = from.Lon };

    private static Place At(GeoPoint point) => new(point.Lat, point.Lon);
}
