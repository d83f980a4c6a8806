using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Push;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>Offers reach a courier's phone by Web Push, through a real push service (npm web-push-testing).</summary>
[Collection(ApiCollection.Name)]
public sealed class WebPushTests(ApiFixture api)
{
    [Fact]
    public async Task An_offer_is_pushed_encrypted_and_VAPID_signed_and_a_gone_subscription_is_dropped()
    {
        await using var pushService = await TestPushService.StartAsync();

        using var anonymous = api.CreateClient();
        var publicKey = (await anonymous.GetFromJsonAsync<PushPublicKey>("/api/push/public-key", ApiFixture.Json, TestContext.Current.CancellationToken))!.PublicKey;
        var phone = await pushService.SubscribeAsync(publicKey);
        using var pushes = new MetricTagListener<int>("tandem.push.sent", "status", ("service", new Uri(phone.Endpoint).Authority)); // each push's HTTP status
        var courierId = TestData.NewId("courier");
        await api.Grains.Courier(new CourierId(courierId)).RegisterAsync("Pia", 2, new GeoPoint { Lat = 52.40, Lon = 0.26 }, CourierStatus.Idle);
        using var courier = api.ClientAs("courier", courierId);
        using var another = api.ClientAs("courier", TestData.NewId("courier"));
        var subscription = new { endpoint = phone.Endpoint, keys = new { p256dh = phone.P256dh, auth = phone.Auth } };

        var refused = new[]
        {
            await another.PostAsJsonAsync($"/api/couriers/{courierId}/push-subscription", subscription, TestContext.Current.CancellationToken),
            await courier.PostAsJsonAsync($"/api/couriers/{courierId}/push-subscription", subscription with { endpoint = "https://attacker.example/collect" }, TestContext.Current.CancellationToken),
            await courier.PostAsJsonAsync($"/api/couriers/{courierId}/push-subscription", new { endpoint = phone.Endpoint, keys = new { p256dh = "AAAA", auth = phone.Auth } }, TestContext.Current.CancellationToken),
        };
        var subscribed = await courier.PostAsJsonAsync($"/api/couriers/{courierId}/push-subscription", subscription, TestContext.Current.CancellationToken);
        var offer = Offer("o-push-1");
        var delivered = pushes.Next();
        await api.Grains.Courier(new CourierId(courierId)).OfferAsync(offer);
        Assert.Equal(201, await Await.WithinAsync(delivered, TimeSpan.FromSeconds(10), "the push of the offer"));
        var messages = await pushService.MessagesAsync(phone.ClientHash);

        await api.Grains.Courier(new CourierId(courierId)).AnswerOfferAsync(new OrderId("o-push-1"), accept: false);
        await pushService.ExpireAsync(phone.ClientHash);
        var gone = pushes.Next();
        await api.Grains.Courier(new CourierId(courierId)).OfferAsync(Offer("o-push-2"));
        Assert.Equal(410, await Await.WithinAsync(gone, TimeSpan.FromSeconds(10), "the push to the expired subscription"));

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], refused.Select(r => r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        using var message = JsonDocument.Parse(Assert.Single(messages));
        Assert.Equal(("offer", "o-push-1"), (message.RootElement.GetProperty("type").GetString(), message.RootElement.GetProperty("orderId").GetString()));
        // The sender counts the 410 before it drops the subscription: wait for the drop, not for the count.
        await Await.UntilAsync(async () => await api.Grains.Courier(new CourierId(courierId)).GetAsync() is { PushEnabled: false } dropped ? dropped : null, TimeSpan.FromSeconds(10));
    }

    private static CourierOffer Offer(string orderId) => new()
    {
        OrderId = orderId, PickupLocationId = "st-camden", Pickup = new GeoPoint { Lat = 51.539, Lon = -0.1426 },
        Dropoff = new GeoPoint { Lat = 51.53, Lon = -0.12 }, OfferedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(30),
    };
}
