using System.Text.Json;

using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Tandem.Tests.Web;

/// <summary>The store's packing screen and the control room's packaging panel in a real browser.</summary>
[Collection(WebCollection.Name)]
public sealed class PackingBrowserTests(WebFixture web)
{
    private const string Store = "st-camden";

    [Fact]
    public async Task Staff_see_a_new_order_open_its_box_and_layers_pack_it_and_the_control_room_counts_its_volume()
    {
        var shopperId = TestData.NewId("shopper");
        var sku = (await TestData.NewProductsAsync(web.Grains, 1, withTestLocations: false))[0];
        await web.Grains.Cell(new CellKey(sku, Store)).ReceiveAsync(5, "opening", "test");
        var session = TestData.NewId("session");
        await web.Grains.Session(new SessionId(session)).ClaimAsync(new ShopperId(shopperId));
        using var shopper = web.ClientAs("shopper", shopperId);

        await using var context = await web.NewContextAsync();
        var packing = await context.NewPageAsync();
        await packing.GotoAsync($"/packing?store={Store}&operator={TestData.NewId("staff")}");
        await Expect(packing.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        var ops = await context.NewPageAsync();
        await ops.GotoAsync($"/ops?operator={TestData.NewId("ops")}");
        await Expect(ops.Locator("body")).ToHaveAttributeAsync("data-ready", "true");

        // Five 10 cm cubes of 1 kg: the small box (25 × 20 × 10) holds four, the medium one (35 × 25 × 15) all five.
        using var placed = await shopper.PostJsonAsync("/api/orders", Http.PickupOrder(session, Store, (sku, 5)), "order-1");
        var orderId = JsonDocument.Parse(await placed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("orderId").GetString()!;
        var waiting = packing.Locator($"#waiting li[data-order='{orderId}']");
        await Expect(waiting).ToContainTextAsync("5 units");
        await waiting.Locator("button").ClickAsync();

        var parcel = packing.Locator(".parcel[data-box='M']");
        await Expect(packing.Locator("#packing-summary")).ToContainTextAsync("preview");
        await Expect(parcel.Locator("svg.packing-iso g[data-step]")).ToHaveCountAsync(5);
        await Expect(parcel.Locator(".packing-layer")).ToHaveCountAsync(1);
        await Expect(parcel.Locator(".packing-steps li")).ToHaveCountAsync(5);
        await WebFixture.ScreenshotAsync(packing, "packing-screen");
        await Accessibility.AssertSmokeAsync(packing);
        await packing.ClickAsync("#pack");

        await Expect(packing.Locator("#packing-summary")).ToContainTextAsync("stored when packed");
        await Expect(waiting).ToHaveCountAsync(0);
        await Expect(ops.Locator($"#packaging-latest li[data-order='{orderId}']")).ToContainTextAsync("M 13.1 l");
        var order = (await web.Grains.Order(new OrderId(orderId)).GetAsync())!;
        Assert.Equal((OrderStatus.Packed, "M", 5), (order.Status, order.Packing!.Parcels.Single().BoxId, order.Packing.Parcels[0].Items.Count));
    }
}
