using System.Net.Http.Json;

using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Tandem.Tests.Web;

/// <summary>The shop in a real browser (Debian Chromium): live stock, idempotent checkout, live tracking.</summary>
[Collection(WebCollection.Name)]
public sealed class ShopBrowserTests(WebFixture web)
{
    private const string Store = "st-camden";

    [Fact]
    public async Task A_second_shopper_watching_a_product_sees_its_stock_drop_when_the_first_one_orders()
    {
        var sku = (await TestData.NewProductsAsync(web.Grains, 1, withTestLocations: false))[0];
        await web.Grains.Cell(new CellKey(sku, Store)).ReceiveAsync(5, "opening", "test");
        await using var buyerContext = await web.NewContextAsync();
        await using var watcherContext = await web.NewContextAsync();
        var buyer = await buyerContext.NewPageAsync();
        var watcher = await watcherContext.NewPageAsync();
        var alice = TestData.NewId("alice");

        await buyer.GotoAsync($"/?shopper={alice}#/p/{sku}");
        await watcher.GotoAsync($"/?shopper={TestData.NewId("bob")}#/p/{sku}");
        await Expect(buyer.Locator($"#stock-{Store}")).ToContainTextAsync("5 left");
        await Expect(watcher.Locator($"#stock-{Store}")).ToContainTextAsync("5 left");

        await buyer.Locator("#quantity").SelectOptionAsync("2");
        await buyer.ClickAsync("#add-to-cart");
        await Expect(buyer.Locator("#cart-count")).ToHaveTextAsync("2");
        await buyer.ClickAsync("#cart-link");
        await buyer.CheckAsync("input[name=mode][value=pickup]");
        await buyer.Locator("#pickup-store").SelectOptionAsync(Store);
        await buyer.Locator("#place-order").DblClickAsync(); // a double click is one order

        await Expect(watcher.Locator($"#stock-{Store}")).ToContainTextAsync("3 left", new() { Timeout = 5_000 });
        await Expect(buyer.Locator("#order-status")).ToHaveTextAsync("Stock reserved");
        await WebFixture.ScreenshotAsync(watcher, "shop-product-live-stock");
        await WebFixture.ScreenshotAsync(buyer, "shop-order-tracking");

        var cell = await web.Grains.Cell(new CellKey(sku, Store)).GetSnapshotAsync();
        Assert.Equal((5, 2, 1), (cell.OnHand, cell.Reserved, cell.LiveReservations));
        var orderId = buyer.Url.Split("#/orders/")[1];
        var order = await web.Grains.Order(new OrderId(orderId)).GetAsync();
        Assert.Equal((alice, OrderStatus.Reserved, FulfilmentMode.Pickup), (order!.ShopperId, order.Status, order.Mode));
    }

    [Fact]
    public async Task Picks_appear_live_and_the_tracking_page_follows_the_order_as_the_store_packs_it()
    {
        var sku = (await TestData.NewProductsAsync(web.Grains, 1, withTestLocations: false))[0];
        await web.Grains.Cell(new CellKey(sku, Store)).ReceiveAsync(3, "opening", "test");
        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/?shopper={TestData.NewId("carol")}#/p/{sku}");
        // Behaviour flushed, picks recomputed, pushed live: the product's scene and category ("test") bring them.
        await Expect(page.Locator("#picks li").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Completes test|Popular in test"));
        await page.ClickAsync("#add-to-cart");
        await Expect(page.Locator("#cart-count")).ToHaveTextAsync("1");
        await page.GotoAsync("/#/cart");
        await page.CheckAsync("input[name=mode][value=pickup]");
        await page.Locator("#pickup-store").SelectOptionAsync(Store);
        await page.ClickAsync("#place-order");
        await Expect(page.Locator("#order-status")).ToHaveTextAsync("Stock reserved");
        var orderId = page.Url.Split("#/orders/")[1];

        using var ops = web.Ops();
        (await ops.PostAsJsonAsync($"/api/orders/{orderId}/pack", new { }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await Expect(page.Locator("#order-status")).ToHaveTextAsync("Packed");
        (await ops.PostAsJsonAsync($"/api/orders/{orderId}/ready-for-pickup", new { }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        await Expect(page.Locator("#order-status")).ToHaveTextAsync("Ready to collect");
        await Expect(page.Locator("#timeline li.done")).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task A_pick_seen_on_screen_and_clicked_credits_the_strategy_that_placed_it()
    {
        var skus = await TestData.NewProductsAsync(web.Grains, 3, withTestLocations: false);
        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        var shown = page.WaitForResponseAsync(r => r.Url.Contains("/picks/shown", StringComparison.Ordinal));
        await page.GotoAsync($"/?shopper={TestData.NewId("dora")}#/p/{skus[0]}");
        var first = page.Locator("#picks li").First;
        await Expect(first).ToBeVisibleAsync();
        await first.ScrollIntoViewIfNeededAsync(); // the shopper scrolls down to the picks: now they are seen
        Assert.Equal(200, (await shown).Status);
        var arm = await first.Locator(".card-because").GetAttributeAsync("data-arm");
        var before = (await web.Grains.ArmWeights("browse").GetAsync()).Arms.Single(a => a.Arm == arm).Clicks;

        var clicked = page.WaitForResponseAsync(r => r.Url.Contains("/picks/click", StringComparison.Ordinal));
        await first.Locator("a").ClickAsync();

        Assert.Equal(204, (await clicked).Status);
        var after = (await web.Grains.ArmWeights("browse").GetAsync()).Arms.Single(a => a.Arm == arm).Clicks;
        Assert.Equal(1, after - before, 3);
    }
}
