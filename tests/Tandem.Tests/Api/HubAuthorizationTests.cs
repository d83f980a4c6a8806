using System.Net.Http.Json;

using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

using Tandem.Api.Hubs;
using Tandem.Api.Identity;
using Tandem.Contracts.Hubs;
using Tandem.Contracts.Orders;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>Hubs take identity from the token: nobody watches another's order or joins another courier's group.</summary>
[Collection(ApiCollection.Name)]
public sealed class HubAuthorizationTests(ApiFixture api)
{
    private const string Store = "st-camden";

    [Fact]
    public async Task Only_the_orders_shopper_an_operator_watch_an_order_and_anyone_watches_products()
    {
        var orderId = await PlaceOrderAsync("owner");
        await using var anonymous = api.Hub(HubContract.Routes.Shop);
        await using var stranger = api.Hub(HubContract.Routes.Shop, api.Token("shopper", "stranger"));
        await using var owner = api.Hub(HubContract.Routes.Shop, api.Token("shopper", "owner"));
        await using var ops = api.Hub(HubContract.Routes.Shop, api.Token("ops", "watcher"));
        foreach (var hub in new[] { anonymous, stranger, owner, ops })
        {
            await hub.StartAsync(TestContext.Current.CancellationToken);
        }

        await anonymous.InvokeAsync(HubContract.Methods.WatchProduct, "HOM-0001", TestContext.Current.CancellationToken);
        var anonymousRefused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => anonymous.InvokeAsync(HubContract.Methods.WatchOrder, orderId, TestContext.Current.CancellationToken));
        var strangerRefused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => stranger.InvokeAsync(HubContract.Methods.WatchOrder, orderId, TestContext.Current.CancellationToken));
        await owner.InvokeAsync(HubContract.Methods.WatchOrder, orderId, TestContext.Current.CancellationToken);
        await ops.InvokeAsync(HubContract.Methods.WatchOrder, orderId, TestContext.Current.CancellationToken);

        Assert.Contains("Sign in", anonymousRefused.Message, StringComparison.Ordinal);
        Assert.Contains($"No order {orderId}", strangerRefused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_connection_follows_at_most_200_products_and_may_swap_one_for_another()
    {
        await using var anonymous = api.Hub(HubContract.Routes.Shop);
        await anonymous.StartAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < ShopHub.MaxWatched; i++)
        {
            await anonymous.InvokeAsync(HubContract.Methods.WatchProduct, $"CAP-{i:0000}", TestContext.Current.CancellationToken);
        }

        await anonymous.InvokeAsync(HubContract.Methods.WatchProduct, "CAP-0000", TestContext.Current.CancellationToken); // already followed
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => anonymous.InvokeAsync(HubContract.Methods.WatchProduct, "CAP-0200", TestContext.Current.CancellationToken));
        await anonymous.InvokeAsync(HubContract.Methods.UnwatchProduct, "CAP-0000", TestContext.Current.CancellationToken);
        await anonymous.InvokeAsync(HubContract.Methods.WatchProduct, "CAP-0200", TestContext.Current.CancellationToken);

        Assert.Equal(200, ShopHub.MaxWatched);
        Assert.Contains("at most 200", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_is_closed_when_its_token_expires_and_one_without_a_token_stays()
    {
        var me = TestData.NewId("courier");
        var key = api.Services.GetRequiredService<DevSigningKey>().Credentials;
        var shortLived = TestTokens.Sign(key, DevSigningKey.Issuer, DevSigningKey.Audience, "courier", me, expires: DateTime.UtcNow.AddSeconds(3));
        await using var phone = api.Hub(HubContract.Routes.Courier, shortLived);
        await using var anonymous = api.Hub(HubContract.Routes.Shop);
        var closed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        phone.Closed += _ =>
        {
            closed.TrySetResult(true);
            return Task.CompletedTask;
        };
        await phone.StartAsync(TestContext.Current.CancellationToken);
        await anonymous.StartAsync(TestContext.Current.CancellationToken);
        await phone.InvokeAsync(HubContract.Methods.Join, me, TestContext.Current.CancellationToken);

        await Await.WithinAsync(closed.Task, TimeSpan.FromSeconds(30), "the server closing the connection whose token expired");
        await anonymous.InvokeAsync(HubContract.Methods.WatchProduct, "HOM-0001", TestContext.Current.CancellationToken);

        Assert.Equal(HubConnectionState.Disconnected, phone.State);
        Assert.Equal(HubConnectionState.Connected, anonymous.State);
    }

    [Fact]
    public async Task A_courier_joins_only_their_own_group()
    {
        var me = TestData.NewId("courier");
        await using var phone = api.Hub(HubContract.Routes.Courier, api.Token("courier", me));
        await phone.StartAsync(TestContext.Current.CancellationToken);

        await phone.InvokeAsync(HubContract.Methods.Join, me, TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => phone.InvokeAsync(HubContract.Methods.Join, "courier-001", TestContext.Current.CancellationToken));

        Assert.Contains("cannot join courier courier-001", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HubContract.Routes.Ops, null)]
    [InlineData(HubContract.Routes.Ops, "shopper")]
    [InlineData(HubContract.Routes.Ops, "courier")]
    [InlineData(HubContract.Routes.Ops, "expired")]
    [InlineData(HubContract.Routes.Ops, "forged")]
    [InlineData(HubContract.Routes.Courier, null)]
    [InlineData(HubContract.Routes.Courier, "shopper")]
    public async Task Hubs_refuse_connections_without_the_right_token(string route, string? caller)
    {
        var token = caller switch
        {
            null => null,
            "expired" => TestTokens.Sign(DevKey(), "tandem-dev", "tandem", "ops", "late", DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddHours(-1)),
            "forged" => TestTokens.Sign(TestTokens.ForeignKey, "tandem-dev", "tandem", "ops", "mallory"),
            _ => api.Token(caller, "someone"),
        };
        await using var hub = api.Hub(route, token);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => hub.StartAsync(TestContext.Current.CancellationToken)); // the test server's WebSocket handshake

        Assert.Contains(token is null || caller is "expired" or "forged" ? "401" : "403", refused.Message, StringComparison.Ordinal);
    }

    private SigningCredentials DevKey() => api.Services.GetRequiredService<DevSigningKey>().Credentials;

    private async Task<string> PlaceOrderAsync(string shopperId)
    {
        using var ops = api.Ops();
        using var shopper = api.ClientAs("shopper", shopperId);
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        (await ops.ReceiveAsync(sku, Store, 1, "opening")).EnsureSuccessStatusCode();
        var placed = await shopper.PostJsonAsync("/api/orders", Http.PickupOrder(TestData.NewId("session"), Store, (sku, 1)), "watch-me");
        return (await placed.Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken))!.OrderId;
    }
}
