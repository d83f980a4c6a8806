using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Playwright;

using Tandem.Contracts.Returns;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Tandem.Tests.Web;

/// <summary>The store's returns counter in a real browser: look an order up, take an item back, grade and settle it, put it back on sale.</summary>
[Collection(WebCollection.Name)]
public sealed class CounterBrowserTests(WebFixture web)
{
    private const string Store = "st-camden";

    [Fact]
    public async Task Staff_take_an_online_order_back_at_the_counter_settle_it_with_a_coupon_within_15_minutes_and_restock_the_store()
    {
        var shopperId = TestData.NewId("shopper");
        var sku = (await TestData.NewProductsAsync(web.Grains, 1, withTestLocations: false))[0];
        await web.Grains.Cell(new CellKey(sku, Store)).ReceiveAsync(2, "opening", "test");
        var session = TestData.NewId("session");
        await web.Grains.Session(new SessionId(session)).ClaimAsync(new ShopperId(shopperId));
        using var shopper = web.ClientAs("shopper", shopperId);
        using var ops = web.Ops();
        using var placed = await shopper.PostJsonAsync("/api/orders", Http.PickupOrder(session, Store, (sku, 2)), "order-1");
        var orderId = JsonDocument.Parse(await placed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("orderId").GetString()!;
        foreach (var step in new[] { "pack", "ready-for-pickup", "picked-up" })
        {
            (await ops.PostAsJsonAsync($"/api/orders/{orderId}/{step}", new { }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/counter?store={Store}&operator={TestData.NewId("staff")}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await page.FillAsync("#order-id", orderId);
        await page.ClickAsync("#lookup button[type=submit]");
        var form = page.Locator($"form.return-form[data-sku='{sku}']");
        await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "tags.jpg", MimeType = "image/jpeg", Buffer = TestData.TagPhoto });
        await form.Locator("button[type=submit]").ClickAsync();

        var row = page.Locator("#counter-returns li").First;
        await Expect(row).ToHaveAttributeAsync("data-status", "collected");
        await row.Locator("input[type=checkbox]").CheckAsync();
        await WebFixture.ScreenshotAsync(page, "counter-return");
        await Accessibility.AssertSmokeAsync(page);
        await row.Locator("button[data-action=settle]").ClickAsync();
        await Expect(page.Locator("#counter-returns li .counter-settled")).ToContainTextAsync("coupon");
        await Expect(page.Locator("#counter-returns li .counter-settled")).ToContainTextAsync("(within 15 min)");
        await page.Locator("#counter-returns li button[data-action=put-away]").ClickAsync();
        await Expect(page.Locator("#counter-returns li").First).ToHaveAttributeAsync("data-status", "restocked");

        var returnId = await page.Locator("#counter-returns li").First.GetAttributeAsync("data-return");
        var view = (await web.Grains.Return(returnId!).GetAsync())!;
        Assert.Equal((shopperId, Store, CompensationKind.Coupon, 11m), (view.ShopperId, view.StoreId, view.Settlement!.Kind, view.Settlement.Amount));
        Assert.StartsWith("ops:", view.History[0].Actor, StringComparison.Ordinal);
        Assert.Equal($"{sku}@{Store}", view.RestockedTo);
        Assert.Equal(1, (await web.Grains.Cell(new CellKey(sku, Store)).GetSnapshotAsync()).OnHand);
    }
}
