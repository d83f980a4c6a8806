using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Tandem.Contracts.Sessions;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Sessions;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class SessionsApiTests(ApiFixture api)
{
    [Fact]
    public async Task Cart_lines_are_set_not_added_and_zero_removes()
    {
        using var client = api.ClientAs("shopper", TestData.NewId("shopper"));
        var skus = await TestData.NewProductsAsync(api.Grains, 2, withTestLocations: false);
        var session = TestData.NewId("session");

        await client.PostAsJsonAsync($"/api/sessions/{session}/cart", new { sku = skus[0], quantity = 2 }, TestContext.Current.CancellationToken);
        await client.PostAsJsonAsync($"/api/sessions/{session}/cart", new { sku = skus[0], quantity = 2 }, TestContext.Current.CancellationToken);
        await client.PostAsJsonAsync($"/api/sessions/{session}/cart", new { sku = skus[1], quantity = 1 }, TestContext.Current.CancellationToken);
        var removed = await client.PostAsJsonAsync($"/api/sessions/{session}/cart", new { sku = skus[1], quantity = 0 }, TestContext.Current.CancellationToken);

        var view = await removed.Content.ReadFromJsonAsync<SessionView>(ApiFixture.Json, TestContext.Current.CancellationToken);
        Assert.Equal([(skus[0], 2)], view!.Cart.Select(l => (l.Sku, l.Quantity)));
    }

    [Fact]
    public async Task A_resent_event_batch_is_not_counted_twice_and_only_the_last_200_are_kept()
    {
        using var client = api.ClientAs("shopper", TestData.NewId("shopper"));
        var session = TestData.NewId("session");
        var start = DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var batch = Enumerable.Range(0, 150).Select(i => new { type = i % 2 == 0 ? "view" : "dwell", sku = "HOM-0001", at = start.AddSeconds(i), value = (double)i }).ToArray();
        var second = Enumerable.Range(150, 150).Select(i => new { type = "scroll", sku = "HOM-0002", at = start.AddSeconds(i), value = 0.5 }).ToArray();

        var first = await client.PostAsJsonAsync($"/api/sessions/{session}/events", batch, TestContext.Current.CancellationToken);
        var resent = await client.PostAsJsonAsync($"/api/sessions/{session}/events", batch, TestContext.Current.CancellationToken);
        await client.PostAsJsonAsync($"/api/sessions/{session}/events", second, TestContext.Current.CancellationToken);
        var view = await client.GetFromJsonAsync<SessionView>($"/api/sessions/{session}", ApiFixture.Json, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(new EventsAccepted(150, 150), await first.Content.ReadFromJsonAsync<EventsAccepted>(ApiFixture.Json, TestContext.Current.CancellationToken));
        Assert.Equal(new EventsAccepted(150, 0), await resent.Content.ReadFromJsonAsync<EventsAccepted>(ApiFixture.Json, TestContext.Current.CancellationToken));
        Assert.Equal(300, view!.EventsSeen);
        Assert.Equal(SessionLimits.MaxRecentEvents, view.RecentEvents.Count);
        Assert.Equal(start.AddSeconds(100), view.RecentEvents[0].At);
        Assert.Equal(start.AddSeconds(299), view.RecentEvents[^1].At);
    }

    [Fact]
    public async Task The_place_sent_with_a_session_s_first_behaviour_puts_it_in_the_region_of_the_nearest_location_for_good()
    {
        // A store of its own on Shetland, alone in its zone and nearer the place than any other location.
        var store = TestData.RemoteStore(TestData.NewId("t-lerwick"), "Test store Lerwick", 60.1546, -1.1494);
        await api.Grains.Catalog().UpsertAsync([], [store]);
        var region = new DispatchOptions().ZoneOf(store.Position);
        using var client = api.ClientAs("shopper", TestData.NewId("shopper"));
        var ct = TestContext.Current.CancellationToken;
        var at = DateTimeOffset.UtcNow;
        object[] View(int second) => [new { type = "view", sku = "HOM-0001", at = at.AddSeconds(second) }];
        async Task<SessionView> SendAsync(string session, string query, int second)
        {
            using var sent = await client.PostAsJsonAsync($"/api/sessions/{session}/events{query}", View(second), ct);
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
            return (await client.GetFromJsonAsync<SessionView>($"/api/sessions/{session}", ApiFixture.Json, ct))!;
        }

        // A location added is seen by the sessions' silo within a second (its catalog facts): a new session each try.
        var placed = await Await.UntilAsync(async () => await SendAsync(TestData.NewId("session"), "?lat=60.16&lon=-1.16", 0) is { Region: { } r } view && r == region ? view : null, TimeSpan.FromSeconds(10));
        var moved = await SendAsync(placed.SessionId, "?lat=51.5308&lon=-0.1238", 1);
        var nowhere = TestData.NewId("session");
        var first = await SendAsync(nowhere, "", 0);
        var later = await SendAsync(nowhere, "?lat=60.16&lon=-1.16", 1);

        Assert.Equal((region, 2L), (moved.Region, moved.EventsSeen)); // a later place changes nothing
        Assert.Equal(((string?)null, (string?)null, 2L), (first.Region, later.Region, later.EventsSeen)); // no place first: the city's only
    }

    [Fact]
    public async Task Placing_an_order_records_it_as_open_and_takes_its_lines_out_of_the_cart()
    {
        using var ops = api.Ops();
        using var client = api.ClientAs("shopper", "shopper-s");
        var skus = await TestData.NewProductsAsync(api.Grains, 2, withTestLocations: false);
        await ops.ReceiveAsync(skus[0], "st-camden", 3, "opening");
        var session = TestData.NewId("session");
        await client.PostAsJsonAsync($"/api/sessions/{session}/cart", new { sku = skus[0], quantity = 1 }, TestContext.Current.CancellationToken);
        await client.PostAsJsonAsync($"/api/sessions/{session}/cart", new { sku = skus[1], quantity = 1 }, TestContext.Current.CancellationToken);
        var body = JsonSerializer.Serialize(new
        {
            sessionId = session, lines = new[] { new { sku = skus[0], quantity = 1 } },
            fulfilment = new { mode = "pickup", locationId = "st-camden" },
        });

        var placed = await client.PostJsonAsync("/api/orders", body, "cart-checkout");
        var orderId = JsonDocument.Parse(await placed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("orderId").GetString()!;
        var view = await client.GetFromJsonAsync<SessionView>($"/api/sessions/{session}", ApiFixture.Json, TestContext.Current.CancellationToken);
        await client.PostJsonAsync($"/api/orders/{orderId}/cancel", "{}");
        var afterCancel = await client.GetFromJsonAsync<SessionView>($"/api/sessions/{session}", ApiFixture.Json, TestContext.Current.CancellationToken);

        Assert.Equal([orderId], view!.OpenOrders);
        Assert.Equal([skus[1]], view.Cart.Select(l => l.Sku));
        Assert.Empty(afterCancel!.OpenOrders);
    }

    [Fact]
    public async Task A_session_belongs_to_the_first_shopper_who_uses_it_and_is_not_found_for_others()
    {
        using var owner = api.ClientAs("shopper", TestData.NewId("shopper"));
        using var other = api.ClientAs("shopper", TestData.NewId("shopper"));
        var skus = await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false);
        var session = TestData.NewId("session");
        var at = DateTimeOffset.UtcNow;

        var mine = await owner.PostAsJsonAsync($"/api/sessions/{session}/cart", new { sku = skus[0], quantity = 2 }, TestContext.Current.CancellationToken);
        var cart = await other.PostAsJsonAsync($"/api/sessions/{session}/cart", new { sku = skus[0], quantity = 9 }, TestContext.Current.CancellationToken);
        var events = await other.PostAsJsonAsync($"/api/sessions/{session}/events", new[] { new { type = "view", sku = skus[0], at } }, TestContext.Current.CancellationToken);
        var read = await other.GetAsync(new Uri($"/api/sessions/{session}", UriKind.Relative), TestContext.Current.CancellationToken);
        var order = await other.PostJsonAsync("/api/orders", Http.PickupOrder(session, "st-camden", (skus[0], 1)), "squat");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            [cart.StatusCode, events.StatusCode, read.StatusCode, order.StatusCode]);
        var view = await owner.GetFromJsonAsync<SessionView>($"/api/sessions/{session}", ApiFixture.Json, TestContext.Current.CancellationToken);
        Assert.Equal([(skus[0], 2)], view!.Cart.Select(l => (l.Sku, l.Quantity)));
        Assert.Equal((0L, 0), (view.EventsSeen, view.OpenOrders.Count));
    }
}
