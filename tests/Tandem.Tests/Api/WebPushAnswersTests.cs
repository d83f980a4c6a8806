using System.Security.Cryptography;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Push;
using Tandem.Tests.Infrastructure;

using Answer = Tandem.Tests.Infrastructure.ScriptedPushService.Answer;

namespace Tandem.Tests.Api;

/// <summary>What Tandem does with each answer a push service may give: keep, retry once, drop, or give up.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebPushAnswersTests(ApiFixture api)
{
    public static TheoryData<string, Answer[], string, int, bool> Answers => new()
    {
        { "accepted", [new(201)], "delivered", 1, true },
        { "unknown subscription", [new(404)], "gone", 1, false },
        { "unsubscribed", [new(410)], "gone", 1, false },
        { "too many requests, then accepted", [new(429, 1), new(201)], "delivered", 2, true },
        { "too many requests, asked to wait too long", [new(429, 120)], "failed", 1, true },
        { "unavailable, then accepted", [new(503), new(201)], "delivered", 2, true },
        { "failing twice", [new(500), new(502)], "failed", 2, true },
        { "payload refused", [new(413)], "refused", 1, true },
        { "VAPID refused", [new(403)], "refused", 1, true },
        { "no answer", [Answer.Silent], "failed", 1, true },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Each_push_service_answer_ends_as_expected(string what, Answer[] script, string outcome, int requests, bool keepsSubscription)
    {
        await using var service = ScriptedPushService.Start(script);
        using var outcomes = new MetricTagListener<string>("tandem.push.outcomes", "outcome", ("service", new Uri(service.Endpoint).Authority));
        var courierId = TestData.NewId("courier");
        var courier = api.Grains.Courier(new CourierId(courierId));
        // Offline: an order another test left waiting is never offered (and pushed) to this courier, so the one push
        // the service sees is the one sent here.
        await courier.RegisterAsync("Push", 2, new GeoPoint { Lat = 52.40, Lon = 0.26 }, CourierStatus.Offline);
        var subscription = NewSubscription(service.Endpoint);
        await courier.SetPushSubscriptionAsync(subscription);
        var ended = outcomes.Next();

        await api.Grains.PushSender().SendAsync(new CourierId(courierId), subscription, """{"type":"test"}""");

        Assert.Equal(outcome, await Await.WithinAsync(ended, TimeSpan.FromSeconds(20), $"the outcome of '{what}'"));
        Assert.Equal(requests, service.Requests);
        Assert.Equal(keepsSubscription, (await courier.GetAsync())!.PushEnabled);
    }

    private static PushSubscription NewSubscription(string endpoint)
    {
        using var browser = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = browser.ExportParameters(false).Q;
        return new PushSubscription
        {
            Endpoint = endpoint,
            P256dh = System.Buffers.Text.Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]),
            Auth = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
        };
    }
}
