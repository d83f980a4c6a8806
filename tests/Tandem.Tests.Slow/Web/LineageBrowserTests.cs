using System.Net.Http.Json;


using Tandem.Tests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Tandem.Tests.Web;

/// <summary>The control room's lineage panel in a real browser: a packing decision drawn as a graph back to its session.</summary>
[Collection(WebCollection.Name)]
public sealed class LineageBrowserTests(WebFixture web)
{
    private static readonly Contracts.Catalog.Location Store = TestData.RemoteStore("t-lincoln-lineage", "Lincoln store", 53.2307, -0.5406);

    [Fact]
    public async Task An_operator_walks_a_packing_decision_back_to_the_order_and_the_session_and_reads_each_node()
    {
        var sku = await TestData.StockedAtAsync(web.Grains, Store, 2);
        var sessionId = TestData.NewId("session");
        using var shopper = web.ClientAs("shopper", TestData.NewId("shopper"));
        using var placed = await shopper.PostJsonAsync("/api/orders", Http.PickupOrder(sessionId, Store.Id, (sku, 2)), TestData.NewId("k"));
        var orderId = (await placed.Content.ReadFromJsonAsync<Contracts.Orders.OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken))!.OrderId;
        using var ops = web.Ops();
        (await ops.PostAsJsonAsync($"/api/orders/{orderId}/pack", new { }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        await using var room = await web.NewContextAsync(width: 1440, height: 900);
        var control = await room.NewPageAsync();
        await control.GotoAsync($"/ops?operator={TestData.NewId("olga")}");
        await Expect(control.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await control.FillAsync("#lineage-id", $"packing:{orderId}");
        await control.ClickAsync("#lineage-form button[type=submit]");

        var nodes = control.Locator("#lineage svg.lineage-graph g.node");
        await Expect(nodes).ToHaveCountAsync(3);
        await Expect(control.Locator("#lineage svg.lineage-graph path.edge")).ToHaveCountAsync(2);
        await Expect(control.Locator("#lineage article.lineage-node h3")).ToContainTextAsync($"packing packing:{orderId}");
        await control.Locator($"#lineage g.node[data-node='order:{orderId}']").ClickAsync();
        await Expect(control.Locator("#lineage article.lineage-node")).ToHaveAttributeAsync("data-node", $"order:{orderId}");
        await Expect(control.Locator("#lineage article.lineage-node")).ToContainTextAsync($"2 × {sku} from {Store.Id}");
        await control.Locator("#lineage").ScreenshotAsync(new() { Path = Path.Combine(WebFixture.ScreenshotDirectory, "control-room-lineage.png") });
        await Accessibility.AssertSmokeAsync(control);

        await control.Locator($"#lineage article.lineage-node button[data-lineage='session:{sessionId}']").ClickAsync(); // an input, walked back on its own
        await Expect(control.Locator("body")).ToHaveAttributeAsync("data-lineage-shown", $"session:{sessionId}");
        await Expect(nodes).ToHaveCountAsync(1);

        await control.FillAsync("#lineage-id", "horoscope:today");
        await control.ClickAsync("#lineage-form button[type=submit]");
        await Expect(control.Locator("#lineage [role=alert]")).ToContainTextAsync("No lineage");
    }
}
