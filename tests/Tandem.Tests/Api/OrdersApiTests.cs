using System.Net;
using System.Net.Http.Json;

using Tandem.Contracts.Orders;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class OrdersApiTests(ApiFixture api)
{
    private const string Store = "st-camden";

    [Fact]
    public async Task Three_hundred_parallel_orders_against_stock_100_sell_exactly_100()
    {
        using var client = api.Ops();
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        (await client.ReceiveAsync(sku, Store, 100, "po-1")).EnsureSuccessStatusCode();

        var responses = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(
            () => client.PostJsonAsync("/api/orders", Http.PickupOrder($"s300-{i}", Store, (sku, 1)), $"key-{i}", api.Token("shopper", $"shopper-{i}")),
            TestContext.Current.CancellationToken)));

        Assert.Equal(100, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(200, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var after = await api.AvailabilityAsync(client, sku, Store);
        Assert.Equal((100, 100, 0), (after.OnHand, after.Reserved, after.Available));
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_order_and_a_different_body_is_409()
    {
        using var ops = api.Ops();
        using var client = api.ClientAs("shopper", "shopper-x");
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        await ops.ReceiveAsync(sku, Store, 10, "po-1");
        var body = Http.PickupOrder("shopper-x-web", Store, (sku, 2));

        var first = await client.PostJsonAsync("/api/orders", body, "checkout-1");
        var retries = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.PostJsonAsync("/api/orders", body, "checkout-1")));
        var changed = await client.PostJsonAsync("/api/orders", Http.PickupOrder("shopper-x-web", Store, (sku, 3)), "checkout-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var order = await first.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken);
        Assert.Equal(OrderStatus.Reserved, order!.Status);
        Assert.Equal(Store, Assert.Single(order.Lines).LocationId);
        Assert.All(retries, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.All(retries, r => Assert.Equal("true", r.Headers.GetValues("Idempotent-Replayed").Single()));
        var replayed = await Task.WhenAll(retries.Select(r => r.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json)));
        Assert.All(replayed, r => Assert.Equal(order.OrderId, r!.OrderId));
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal(2, (await api.AvailabilityAsync(client, sku, Store)).Reserved);
    }

    [Fact]
    public async Task An_order_can_be_read_cancelled_and_its_stock_comes_back()
    {
        using var ops = api.Ops();
        using var client = api.ClientAs("shopper", "shopper-y");
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        await ops.ReceiveAsync(sku, Store, 5, "po-1");
        var placed = await (await client.PostJsonAsync("/api/orders", Http.PickupOrder("shopper-y-web", Store, (sku, 4)), "k"))
            .Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken);

        var read = await client.GetFromJsonAsync<OrderView>($"/api/orders/{placed!.OrderId}", ApiFixture.Json, TestContext.Current.CancellationToken);
        var cancel = await client.PostJsonAsync($"/api/orders/{placed.OrderId}/cancel", """{"reason":"changed my mind"}""");
        var cancelAgain = await client.PostAsync(new Uri($"/api/orders/{placed.OrderId}/cancel", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(placed.OrderId, read!.OrderId);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (cancel.StatusCode, cancelAgain.StatusCode));
        var cancelled = await cancelAgain.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken);
        Assert.Equal(OrderStatus.Cancelled, cancelled!.Status);
        Assert.Equal(("changed my mind", "shopper:shopper-y"), (cancelled.History[^1].Note, cancelled.History[^1].Actor));
        Assert.Equal((5, 0), ((await api.AvailabilityAsync(client, sku, Store)).Available, (await api.AvailabilityAsync(client, sku, Store)).Reserved));
    }

    [Fact]
    public async Task A_shopper_holds_at_most_500_units_in_unpacked_orders_and_packing_frees_them()
    {
        using var ops = api.Ops();
        var shopper = TestData.NewId("hoarder");
        using var client = api.ClientAs("shopper", shopper);
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        await ops.ReceiveAsync(sku, Store, 1000, "po-1");

        var placed = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => client.PostJsonAsync("/api/orders", Http.PickupOrder(shopper + "-web", Store, (sku, 100)), $"hoard-{i}")));
        var refused = await client.PostJsonAsync("/api/orders", Http.PickupOrder(shopper + "-web", Store, (sku, 1)), "one-more");
        var problem = await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(ApiFixture.Json, TestContext.Current.CancellationToken);
        var heldWhenRefused = await api.AvailabilityAsync(client, sku, Store);
        var first = await placed[0].Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken);
        (await ops.PostJsonAsync($"/api/orders/{first!.OrderId}/pack", "{}")).EnsureSuccessStatusCode();
        var afterPacking = await client.PostJsonAsync("/api/orders", Http.PickupOrder(shopper + "-web", Store, (sku, 1)), "one-more");

        Assert.All(placed, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(("Hold limit reached", "You hold 500 units in orders not yet packed; at most 500 at once."), (problem!.Title, problem.Detail));
        Assert.Equal(500, heldWhenRefused.Reserved);
        Assert.Equal(HttpStatusCode.Created, afterPacking.StatusCode);
        Assert.Equal((900, 401), ((await api.AvailabilityAsync(client, sku, Store)).OnHand, (await api.AvailabilityAsync(client, sku, Store)).Reserved));
    }
}
