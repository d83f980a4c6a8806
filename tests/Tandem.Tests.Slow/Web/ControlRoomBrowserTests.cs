using System.Globalization;
using System.Net.Http.Json;

using Tandem.Brains.Dispatch;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Supply;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Tandem.Tests.Web;

/// <summary>The control room at 1440 px in a real browser.</summary>
[Collection(WebCollection.Name)]
public sealed class ControlRoomBrowserTests(WebFixture web)
{
    /// <summary>A store in Oxford: this test's orders wait there for a courier, since none is near.</summary>
    private static readonly Location FarStore = TestData.RemoteStore("t-oxford-web", "Oxford store", 51.7520, -1.2577);

    [Fact]
    public async Task The_control_room_shows_an_orders_state_change_and_the_KPIs_move()
    {
        var sku = await TestData.StockedAtAsync(web.Grains, FarStore, 1);
        await using var context = await web.NewContextAsync(width: 1440, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/ops?operator={TestData.NewId("olga")}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.Locator("#kpi-active-couriers")).Not.ToHaveTextAsync("0");
        // The cells out of stock are the stock census's (once a minute by itself): the test asks for a census at each step.
        var before = await web.Grains.StockCensus().TakeAsync();
        string OutOf(int outOfStock) => string.Create(CultureInfo.InvariantCulture, $"{outOfStock:N0} of {before.City.Cells:N0}");
        await Expect(page.Locator("#kpi-stock-outs")).ToHaveTextAsync(OutOf(before.City.OutOfStock), new() { Timeout = 10_000 });

        using var shopper = web.ClientAs("shopper", TestData.NewId("shopper"));
        var placed = await shopper.PostJsonAsync("/api/orders", Http.DeliveryOrder(TestData.NewId("session"), 51.75, -1.25, (sku, 1)), "ops-1");
        var orderId = (await placed.Content.ReadFromJsonAsync<Contracts.Orders.OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken))!.OrderId;
        await Expect(page.Locator("#alerts")).ToContainTextAsync($"Stock-out: {sku} at Oxford store"); // the alert follows the feed at once
        await web.Grains.StockCensus().TakeAsync();
        await Expect(page.Locator("#kpi-stock-outs")).ToHaveTextAsync(OutOf(before.City.OutOfStock + 1), new() { Timeout = 10_000 }); // its one unit held

        using var ops = web.Ops();
        (await ops.PostAsJsonAsync($"/api/orders/{orderId}/pack", new { }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        // The order waits in its pickup's dispatch zone, with the zone's window in the zones panel.
        var zone = new ZoneGrid().Of(new Place(FarStore.Position.Lat, FarStore.Position.Lon)).ToString();
        await Expect(page.Locator($"#queue [data-zone='{zone}'] [data-order='{orderId}'][data-store='{FarStore.Id}']")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.Locator($"#zones tr[data-zone='{zone}'] td").Nth(1)).ToHaveTextAsync("1");
        (await ops.PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason = "test" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await Expect(page.Locator($"#queue [data-order='{orderId}']")).ToHaveCountAsync(0);
        await web.Grains.StockCensus().TakeAsync();
        await Expect(page.Locator("#kpi-stock-outs")).ToHaveTextAsync(OutOf(before.City.OutOfStock), new() { Timeout = 10_000 }); // the cancel let it go

        await WebFixture.ScreenshotAsync(page, "ops-control-room");
        await Accessibility.AssertSmokeAsync(page);
    }

    [Fact]
    public async Task The_recommendation_strategies_panel_follows_the_bandit_live()
    {
        await using var context = await web.NewContextAsync(width: 1440, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/ops?operator={TestData.NewId("olga")}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        var coView = page.Locator("#arms table[data-segment=cart] tr[data-arm=co-view] td").Nth(1);
        await Expect(coView).ToBeVisibleAsync();

        await web.Grains.ArmWeights("cart").RewardAsync(new() { Id = TestData.NewId("reward"), Arm = "co-view", Clicked = true, At = DateTimeOffset.UtcNow });
        var record = (await web.Grains.ArmWeights("cart").GetAsync()).Arms.Single(a => a.Arm == "co-view");

        await Expect(coView).ToHaveTextAsync(record.Clicks.ToString("F1", CultureInfo.InvariantCulture), new() { Timeout = 10_000 });
        await WebFixture.ScreenshotAsync(page, "control-room-strategies");
    }

    [Fact]
    public async Task The_supply_chain_panel_lists_a_cell_at_risk_draws_its_forecast_accepts_its_replenishment_and_follows_its_re_forecast_live()
    {
        var sku = (await TestData.NewProductsAsync(web.Grains, 1, withTestLocations: false))[0];
        var cell = new CellKey(sku, "st-camden");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await web.Grains.Cell(cell).ReceiveAsync(1, "opening", "test");
        await web.Grains.Demand(cell).SeedAsync([.. Enumerable.Range(1, 60).Select(back => new DemandDay { Day = today.AddDays(-back), Units = 30 + (back % 3), Revenue = 300m })]);
        await web.Grains.ForecastPlanner().ChangedAsync(cell.ToString());
        await web.Grains.ForecastPlanner().RunAsync();
        await using var context = await web.NewContextAsync(width: 1440, height: 1400);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/ops?operator={TestData.NewId("olga")}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        var row = page.Locator($"#supply-risks tr[data-cell='{cell}']");

        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("100 %");
        await row.Locator("button").ClickAsync();
        await Expect(page.Locator($"#supply-detail h3[data-forecast='{cell}']")).ToBeVisibleAsync();
        await Expect(page.Locator("#supply-detail .supply-stock")).ToContainTextAsync("1 available");
        await Expect(page.Locator("#supply-chart canvas")).ToHaveCountAsync(1);
        // No warehouse holds the new product: the store is told to order it from the supplier, and one click starts it.
        var suggestion = page.Locator("#supply-suggestions li", new() { HasText = $"of {sku} from the supplier to Camden store" });
        await suggestion.Locator("button[data-accept]").ClickAsync();
        await Expect(page.Locator("#supply-suggestions li.accepted", new() { HasText = $"of {sku} from the supplier to Camden store" })).ToBeVisibleAsync();
        var accepted = Assert.Single(await web.Grains.SupplyPlan().GetAsync(), s => s.Sku == sku);
        Assert.Equal(SuggestionStatus.Accepted, accepted.Status);
        Assert.Equal(Contracts.Supply.TransferStatus.Shipped, (await web.Grains.Transfer(accepted.TransferId!).GetAsync())!.Status);

        await web.Grains.Cell(cell).ReceiveAsync(999, "delivery", "test");
        await web.Grains.Demand(cell).RecordAsync(new DemandEntry { Id = TestData.NewId("sale"), At = DateTimeOffset.UtcNow, Units = 1, Revenue = 10m });
        await web.Grains.ForecastPlanner().RunAsync();

        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1000", new() { Timeout = 10_000 });
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("0 %");
        await Expect(page.Locator("#supply-detail .supply-stock")).ToContainTextAsync("1000 available");
        await WebFixture.ScreenshotAsync(page, "ops-supply-chain");
    }

    [Fact]
    public async Task With_200_couriers_moving_and_an_order_a_second_the_page_handles_every_event()
    {
        var skus = await TestData.NewProductsAsync(web.Grains, 4, withTestLocations: false);
        foreach (var sku in skus)
        {
            await web.Grains.Cell(new CellKey(sku, "st-camden")).ReceiveAsync(500, "opening", "test");
        }

        var fleet = Enumerable.Range(0, 200).Select(i => TestData.NewId("fleet")).ToArray();
        var random = new Random(20261124);
        var positions = fleet.ToDictionary(id => id, _ => new GeoPoint { Lat = 51.45 + random.NextDouble() * 0.13, Lon = -0.25 + random.NextDouble() * 0.3 });
        await Parallel.ForEachAsync(fleet, async (id, _) => await web.Grains.Courier(new CourierId(id)).RegisterAsync("Fleet", 2, positions[id], CourierStatus.Idle));
        await using var context = await web.NewContextAsync(width: 1440, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/ops?operator={TestData.NewId("olga")}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        var before = await page.EvaluateAsync<double>("() => window.tandemOps.events");
        var framesBefore = await page.EvaluateAsync<double>("() => window.tandemOps.frames");

        // 20 s of city: every courier reports a position each second, a shopper orders each second.
        using var shopper = web.ClientAs("shopper", TestData.NewId("busy"));
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        for (var second = 0; second < 20 && await tick.WaitForNextTickAsync(TestContext.Current.CancellationToken); second++)
        {
            var at = DateTimeOffset.UtcNow;
            foreach (var id in fleet)
            {
                positions[id] = new GeoPoint { Lat = positions[id].Lat + 0.0004, Lon = positions[id].Lon + 0.0003 };
            }

            await Parallel.ForEachAsync(fleet, async (id, _) => await web.Grains.Courier(new CourierId(id)).UpdatePositionAsync(positions[id], at));
            (await shopper.PostJsonAsync("/api/orders", Http.PickupOrder("busy-web", "st-camden", (skus[second % skus.Length], 1)), $"busy-{second}")).EnsureSuccessStatusCode();
        }

        // Every move reaches the page (how fast is measured by bench/Tandem.Bench.ControlRoom, not here).
        await page.WaitForFunctionAsync("(n) => window.tandemOps.events >= n", before + (200 * 20), new() { Timeout = 30_000 });
        await Expect(page.Locator("#kpi-tiles [data-kpi='orders'] .number")).Not.ToHaveTextAsync("0", new() { Timeout = 15_000 }); // the city's orders as the KPI grains count them
        var frames = await page.EvaluateAsync<double>("() => window.tandemOps.frames") - framesBefore;
        var events = await page.EvaluateAsync<double>("() => window.tandemOps.events") - before;
        await WebFixture.ScreenshotAsync(page, "ops-control-room-busy");

        // Each of the 20 seconds brought moves, so the map was redrawn at least 20 times; it redraws only after new
        // events, at most once per animation frame, so never more often than events arrived.
        Assert.InRange(frames, 20, events);
    }
}
