using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;

using Microsoft.AspNetCore.SignalR.Client;

using Tandem.Contracts.Hubs;
using Tandem.Contracts.Recommendations;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>Behaviour turns into live picks for the session, on its own hub group only.</summary>
[Collection(ApiCollection.Name)]
public sealed class RecommendationTests(ApiFixture api)
{
    [Fact]
    public async Task Looking_at_a_scene_brings_live_picks_from_it_to_the_sessions_own_watchers()
    {
        var (scene, skus) = await SceneOfFourAsync();
        var shopperId = TestData.NewId("shopper");
        var session = TestData.NewId("session");
        using var shopper = api.ClientAs("shopper", shopperId);
        using var stranger = api.ClientAs("shopper", TestData.NewId("shopper"));
        await using var hub = api.Hub(HubContract.Routes.Shop, api.Token("shopper", shopperId));
        await using var strangerHub = api.Hub(HubContract.Routes.Shop, api.Token("shopper", TestData.NewId("shopper")));
        var pushed = Channel.CreateUnbounded<RecommendationsChanged>();
        hub.On<RecommendationsChanged>(HubContract.Events.Recommendations, p => pushed.Writer.TryWrite(p));
        await hub.StartAsync(TestContext.Current.CancellationToken);
        await strangerHub.StartAsync(TestContext.Current.CancellationToken);
        await hub.InvokeAsync(HubContract.Methods.WatchSession, session, TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(
            () => strangerHub.InvokeAsync(HubContract.Methods.WatchSession, session, TestContext.Current.CancellationToken));

        var at = DateTimeOffset.UtcNow;
        await shopper.PostAsJsonAsync($"/api/sessions/{session}/cart", new { sku = skus[0], quantity = 1 }, TestContext.Current.CancellationToken);
        await shopper.PostAsJsonAsync($"/api/sessions/{session}/events", new object[]
        {
            new { type = "view", sku = skus[1], at },
            new { type = "dwell", sku = skus[1], at, value = 20_000.0 },
        }, TestContext.Current.CancellationToken);
        // The list made after the behaviour: the cart's change alone makes one of its own first.
        var version = (await shopper.GetFromJsonAsync<SessionView>($"/api/sessions/{session}", ApiFixture.Json, TestContext.Current.CancellationToken))!.Version;
        var live = await NextListAsync(pushed.Reader, l => l.Version >= version, TimeSpan.FromSeconds(10));

        var read = await shopper.GetFromJsonAsync<RecommendationsChanged>($"/api/sessions/{session}/recommendations", ApiFixture.Json, TestContext.Current.CancellationToken);
        var other = await stranger.GetAsync(new Uri($"/api/sessions/{session}/recommendations", UriKind.Relative), TestContext.Current.CancellationToken);

        // All of the scene but the cart's and the product on screen (the one viewed last).
        Assert.Equal(skus[2..].Order(StringComparer.Ordinal), live.Items.Select(i => i.Sku).Order(StringComparer.Ordinal));
        Assert.All(live.Items, i => Assert.Equal((scene, "scene", (string?)null), (i.Because, i.Arm, i.BecauseSku)));
        Assert.All(read!.Items, i => Assert.Equal([("scene", scene, 0.5)], i.Evidence.Select(e => (e.Arm, e.From, e.Vote)))); // why, when asked
        Assert.All(live.Items, i => Assert.Empty(i.Evidence)); // the screens get the list without its votes
        Assert.Equal(("cart", "Thompson sampling per slot"), (live.Segment, live.Policy));
        Assert.Equal(["co-purchase", "co-view", "popular", "promoted", "recently-viewed", "scene"], live.Arms.Select(a => a.Arm));
        // One view so far: the baseline (no model trained in this test's folder) reads 1 ÷ (1 + 5), for the session and its category.
        Assert.Equal(("baseline-views", 0.1667, 2), (read.Intent!.ModelVersion, read.Intent.Score, read.Intent.Events));
        Assert.All(read.Items, i => Assert.Equal(0.1667, i.CategoryIntent));
        Assert.Equal(live.Arms.ToDictionary(a => a.Arm, a => a.Mean), live.ArmWeights);
        Assert.Equal(live.Items.Select(i => i.Sku), read!.Items.Select(i => i.Sku));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Contains($"No session {session}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_bandit_s_record_moves_the_sessions_of_that_segment_get_their_lists_again_weighed_anew()
    {
        var (_, skus) = await SceneOfFourAsync();
        var shopperId = TestData.NewId("shopper");
        var session = TestData.NewId("session");
        using var shopper = api.ClientAs("shopper", shopperId);
        await using var hub = api.Hub(HubContract.Routes.Shop, api.Token("shopper", shopperId));
        var lists = Channel.CreateUnbounded<RecommendationsChanged>();
        hub.On<RecommendationsChanged>(HubContract.Events.Recommendations, p => lists.Writer.TryWrite(p));
        await hub.StartAsync(TestContext.Current.CancellationToken);
        await hub.InvokeAsync(HubContract.Methods.WatchSession, session, TestContext.Current.CancellationToken);
        await shopper.PostAsJsonAsync($"/api/sessions/{session}/events", new object[] { new { type = "view", sku = skus[0], at = DateTimeOffset.UtcNow } }, TestContext.Current.CancellationToken);
        var first = await Await.WithinAsync(lists.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask(), TimeSpan.FromSeconds(10), "the first list");
        var before = first.ArmWeights["scene"];

        foreach (var i in Enumerable.Range(0, 5))
        {
            await api.Grains.ArmWeights(first.Segment).RewardAsync(new() { Id = TestData.NewId("reward"), Arm = "scene", Clicked = true, At = DateTimeOffset.UtcNow });
        }

        var again = await NextListAsync(lists.Reader, l => l.ArmWeights["scene"] > before, TimeSpan.FromSeconds(15));

        Assert.Equal(first.Version, again.Version); // nothing about the session changed: the record did
        Assert.Equal(first.Items.Select(i => i.Sku), again.Items.Select(i => i.Sku));
        Assert.True(again.ArmWeights["scene"] >= before + 0.02, $"{before} → {again.ArmWeights["scene"]}");
    }

    /// <summary>Four new products of a new scene (and a category of their own).</summary>
    private async Task<(string Scene, string[] Skus)> SceneOfFourAsync()
    {
        var scene = "scene-" + Guid.NewGuid().ToString("N")[..8];
        var skus = TestData.NewSkus(4);
        await api.Grains.Catalog().UpsertAsync([.. skus.Select(s => TestData.Product(s) with { SceneTags = [scene], Category = "test-" + scene })], []);
        return (scene, skus);
    }

    /// <summary>The first list pushed that meets <paramref name="wanted"/>; cancelled (the test fails) if none comes within <paramref name="deadline"/>.</summary>
    private static async Task<RecommendationsChanged> NextListAsync(ChannelReader<RecommendationsChanged> pushed, Func<RecommendationsChanged, bool> wanted, TimeSpan deadline)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(deadline);
        RecommendationsChanged list;
        do
        {
            list = await pushed.ReadAsync(timeout.Token);
        }
        while (!wanted(list));

        return list;
    }
}
