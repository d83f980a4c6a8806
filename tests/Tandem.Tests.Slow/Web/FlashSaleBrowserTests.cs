using System.Net.Http.Json;
using System.Text.RegularExpressions;

using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Tandem.Tests.Web;

/// <summary>A flash sale in a real browser: the shop counts down and shows the units left live; the control room shows the hot cell.</summary>
[Collection(WebCollection.Name)]
public sealed class FlashSaleBrowserTests(WebFixture web)
{
    private const string Store = "st-camden";

    [Fact]
    public async Task The_sale_page_counts_down_refuses_early_buyers_and_shows_every_unit_sold_live()
    {
        var sku = (await TestData.NewProductsAsync(web.Grains, 1, withTestLocations: false))[0];
        await web.Grains.Cell(new CellKey(sku, Store)).ReceiveAsync(5, "opening", "test");
        using var ops = web.Ops();
        (await ops.PutAsJsonAsync($"/api/inventory/{sku}/{Store}/sale", new { startsAt = DateTimeOffset.UtcNow.AddSeconds(15) }, TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode();
        await using var buyerContext = await web.NewContextAsync();
        await using var watcherContext = await web.NewContextAsync();
        var buyer = await buyerContext.NewPageAsync();
        var watcher = await watcherContext.NewPageAsync();

        await buyer.GotoAsync($"/?shopper={TestData.NewId("dina")}#/p/{sku}");
        await buyer.ClickAsync("#sale-link"); // the product page leads to its sale
        await watcher.GotoAsync($"/?shopper={TestData.NewId("eve")}#/sale/{sku}");
        await Expect(buyer.Locator("#sale-countdown")).ToContainTextAsync("Starts in 0:"); // 15 s ahead: two cold browser pages load well within it
        await Expect(buyer.Locator("#sale-buy")).ToBeDisabledAsync();
        await Expect(watcher.Locator("#sale-remaining")).ToHaveTextAsync("5 left");
        await WebFixture.ScreenshotAsync(watcher, "shop-flash-sale-countdown");

        await Expect(buyer.Locator("#sale-countdown")).ToHaveTextAsync("On now", new() { Timeout = 20_000 });
        await buyer.Locator("#sale-buy").DblClickAsync(); // a double click is one order

        await Expect(buyer.Locator("#order-status")).ToHaveTextAsync("Stock reserved");
        await Expect(watcher.Locator("#sale-remaining")).ToHaveTextAsync("4 left", new() { Timeout = 5_000 });
        var cell = await web.Grains.Cell(new CellKey(sku, Store)).GetSnapshotAsync();
        Assert.Equal((5, 1, 1), (cell.OnHand, cell.Reserved, cell.LiveReservations));
        var order = await web.Grains.Order(new OrderId(buyer.Url.Split("#/orders/")[1])).GetAsync();
        Assert.Equal((OrderStatus.Reserved, FulfilmentMode.Pickup, Store), (order!.Status, order.Mode, order.PickupLocationId));
        await Accessibility.AssertSmokeAsync(watcher);
    }

    [Fact]
    public async Task The_control_room_shows_a_hot_cell_its_rate_and_buckets_until_it_merges()
    {
        var sku = (await TestData.NewProductsAsync(web.Grains, 1, withTestLocations: false))[0];
        var key = new CellKey(sku, Store);
        await web.Grains.Cell(key).ReceiveAsync(400, "opening", "test");
        await using var context = await web.NewContextAsync(width: 1440, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/ops?operator={TestData.NewId("olga")}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        var hot = web.Grains.GetGrain<IHotCellGrain>(key.ToString());
        await hot.SplitAsync(4);
        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => web.Grains.Cell(key).ReserveAsync($"rush-{i}", 1, TimeSpan.FromMinutes(10))));

        var shown = page.Locator($"#hot-cells [data-cell='{key}']");
        await Expect(shown.Locator(".hot-rate")).ToHaveTextAsync(new Regex("^[1-9][0-9,]* reservations/s$"), new() { Timeout = 5_000 });
        await Expect(shown).ToContainTextAsync("100 of 400 left");
        await Expect(shown.Locator("tbody tr")).ToHaveCountAsync(4);
        await WebFixture.ScreenshotAsync(page, "ops-hot-cell");

        await hot.MergeAsync();
        await Expect(shown).ToHaveCountAsync(0, new() { Timeout = 5_000 });
    }
}
