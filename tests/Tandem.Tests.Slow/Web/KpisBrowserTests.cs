using System.Net.Http.Json;

using Microsoft.Playwright;

using Tandem.Grains.Dispatch;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Tandem.Tests.Web;

/// <summary>
/// The live KPIs in real browsers: a shopper answers the survey on the order page, and the control room shows the order and
/// the answer in the region's tiles (read from the KPI grains), for the window chosen, with the trend line; the stock census
/// counts the store's cell sold out.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class KpisBrowserTests(WebFixture web)
{
    /// <summary>A store of this test's own, far from the others: its region counts only this test's orders.</summary>
    private static readonly Contracts.Catalog.Location Store = TestData.RemoteStore("t-norwich-web", "Norwich store", 52.6309, 1.2974);

    [Fact]
    public async Task A_shopper_s_survey_answer_and_order_reach_the_region_s_tiles_in_the_control_room()
    {
        var sku = await TestData.StockedAtAsync(web.Grains, Store, 2);
        var shopper = TestData.NewId("nora");
        using var api = web.ClientAs("shopper", shopper);
        var placed = await api.PostJsonAsync("/api/orders", Http.PickupOrder(TestData.NewId("session"), Store.Id, (sku, 2)), TestData.NewId("k"));
        var orderId = (await placed.Content.ReadFromJsonAsync<Contracts.Orders.OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken))!.OrderId;
        using var ops = web.Ops();
        foreach (var step in new[] { "pack", "ready-for-pickup", "picked-up" })
        {
            (await ops.PostAsJsonAsync($"/api/orders/{orderId}/{step}", new { }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        await web.Grains.StockCensus().TakeAsync(); // the census counts once a minute by itself: the store's only cell is empty now

        await using var shop = await web.NewContextAsync();
        var page = await shop.NewPageAsync();
        await page.GotoAsync($"/?shopper={shopper}#/orders/{orderId}");
        await Expect(page.Locator("#survey-question")).ToContainTextAsync("How likely are you to recommend Tandem");
        await page.ClickAsync("#survey button[data-score='9']");
        await Expect(page.Locator("#survey-answer")).ToHaveTextAsync("Thank you: you answered 9 out of 10.");
        await WebFixture.ScreenshotAsync(page, "shop-order-survey");
        await Accessibility.AssertSmokeAsync(page);
        await page.ReloadAsync();
        await Expect(page.Locator("#survey-answer")).ToHaveAttributeAsync("data-score", "9"); // answered once, kept

        await using var room = await web.NewContextAsync(width: 1440, height: 900);
        var control = await room.NewPageAsync();
        await control.GotoAsync($"/ops?operator={TestData.NewId("olga")}");
        await Expect(control.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        var region = new DispatchOptions().ZoneOf(Store.Position);
        await control.Locator("#kpi-window").SelectOptionAsync("1h");
        await Expect(control.Locator($"#kpi-region option[value='{region}']")).ToHaveTextAsync($"{region} · Norwich store", new() { Timeout = 15_000 });
        await control.Locator("#kpi-region").SelectOptionAsync(region);
        ILocator Tile(string kpi) => control.Locator($"#kpi-tiles [data-kpi='{kpi}'][data-region='{region}'][data-window='1h'] .number");
        await Expect(Tile("orders")).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        await Expect(Tile("nps")).ToHaveTextAsync("100"); // one promoter
        await Expect(Tile("averageOrderValue")).ToHaveTextAsync("£20.00"); // 2 × £10
        await Expect(Tile("returnRate")).ToHaveTextAsync("0 %");
        await Expect(Tile("onTime")).ToHaveTextAsync("–"); // collected, nothing delivered
        await Expect(Tile("stockOutRate")).ToHaveTextAsync("100 %"); // its one cell, sold out
        await Expect(Tile("inventoryTurnover")).ToHaveTextAsync("–"); // nothing on hand to turn
        await Expect(control.Locator("#kpi-stock-outs")).ToHaveTextAsync("1 of 1");
        await Expect(control.Locator($"#kpi-tiles [data-kpi='orders'][data-region='{region}'] .trend.good")).ToHaveTextAsync("▲"); // none the hour before
        await Expect(control.Locator($"#kpi-tiles [data-kpi='orders'][data-region='{region}'] svg.sparkline polyline")).ToHaveCountAsync(1); // 12 five-minute points, all known for a count
        await Expect(control.Locator("#packaging [data-kpi='packed']")).ToHaveTextAsync("1"); // the packaging panel follows the region and window chosen
        await WebFixture.ScreenshotAsync(control, "control-room-kpis");
        await Accessibility.AssertSmokeAsync(control);
    }
}
