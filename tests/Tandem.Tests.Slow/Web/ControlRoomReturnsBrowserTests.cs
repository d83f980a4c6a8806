using System.Net.Http.Json;
using System.Text.Json;

using Tandem.Contracts.Returns;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Tandem.Tests.Web;

/// <summary>The control room's returns panel in a real browser: a return in review appears live, and ops approve it there.</summary>
[Collection(WebCollection.Name)]
public sealed class ControlRoomReturnsBrowserTests(WebFixture web)
{
    private const string Store = "st-camden";

    [Fact]
    public async Task A_claimed_fault_appears_in_review_with_its_reason_and_is_approved_from_the_panel()
    {
        var shopperId = TestData.NewId("shopper");
        var sku = (await TestData.NewProductsAsync(web.Grains, 1, withTestLocations: false))[0];
        await web.Grains.Cell(new CellKey(sku, Store)).ReceiveAsync(1, "opening", "test");
        var session = TestData.NewId("session");
        await web.Grains.Session(new SessionId(session)).ClaimAsync(new ShopperId(shopperId));
        using var shopper = web.ClientAs("shopper", shopperId);
        using var ops = web.Ops();
        using var placed = await shopper.PostJsonAsync("/api/orders", Http.PickupOrder(session, Store, (sku, 1)), "order-1");
        var orderId = JsonDocument.Parse(await placed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("orderId").GetString();
        foreach (var step in new[] { "pack", "ready-for-pickup", "picked-up" })
        {
            (await ops.PostAsJsonAsync($"/api/orders/{orderId}/{step}", new { }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        await using var context = await web.NewContextAsync(width: 1440, height: 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/ops?operator={TestData.NewId("olga")}");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        var photo = Convert.ToBase64String(TestData.TagPhoto);
        using var made = await shopper.PostJsonAsync("/api/returns", JsonSerializer.Serialize(new
        {
            orderId, sku, quantity = 1, reason = "damaged", condition = "damaged", photo = new { type = "image/jpeg", data = photo },
        }), "return-1");
        var returnId = JsonDocument.Parse(await made.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("returnId").GetString()!;
        var item = page.Locator($"#returns-attention li[data-return='{returnId}']");
        await Expect(item).ToContainTextAsync("in review · a fault is confirmed by ops from the photo");
        await WebFixture.ScreenshotAsync(page, "ops-returns");
        await Accessibility.AssertSmokeAsync(page);

        await item.Locator("button[data-approve=true]").ClickAsync();

        await Expect(item).ToHaveCountAsync(0);
        var view = await web.Grains.Return(returnId).GetAsync();
        Assert.Equal((ReturnStatus.Approved, "ops:"), (view!.Status, view.History[^1].Actor[..4]));
    }
}
