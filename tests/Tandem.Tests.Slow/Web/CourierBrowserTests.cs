using System.Net.Http.Json;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Returns;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Tandem.Tests.Web;

/// <summary>The courier's phone (375 px wide) and the shopper's tracking page, side by side in one browser: a delivery, then its return's pickup.</summary>
[Collection(WebCollection.Name)]
public sealed class CourierBrowserTests(WebFixture web)
{
    /// <summary>A store in Cambridge: only this test's courier is near it, so the offer goes to them.</summary>
    private static readonly Location FarStore = TestData.RemoteStore("t-cambridge-web", "Cambridge store", 52.2053, 0.1218);

    [Fact]
    public async Task A_courier_delivers_the_offered_order_while_the_shopper_follows_then_collects_its_return_at_the_door_for_sorting()
    {
        var sku = await TestData.StockedAtAsync(web.Grains, FarStore, 2);
        var courierId = TestData.NewId("courier");
        await web.Grains.Courier(new CourierId(courierId)).RegisterAsync("Dara", 2, new GeoPoint { Lat = 52.2050, Lon = 0.1210 }, CourierStatus.Idle);
        await using var shopperContext = await web.NewContextAsync();
        await using var phoneContext = await web.NewContextAsync(width: 375, height: 812);
        var shop = await shopperContext.NewPageAsync();
        var phone = await phoneContext.NewPageAsync();

        await phone.GotoAsync($"/courier?courier={courierId}");
        await Expect(phone.Locator("#courier-status")).ToHaveTextAsync("Online, waiting for orders");
        await Accessibility.AssertSmokeAsync(phone);
        await shop.GotoAsync($"/?shopper={TestData.NewId("erin")}#/p/{sku}");
        await shop.ClickAsync("#add-to-cart");
        await Expect(shop.Locator("#cart-count")).ToHaveTextAsync("1");
        await shop.GotoAsync("/#/cart");
        await shop.ClickAsync("#place-order");
        await Expect(shop.Locator("#order-status")).ToHaveTextAsync("Stock reserved");
        var orderId = shop.Url.Split("#/orders/")[1];

        using var ops = web.Ops();
        (await ops.PostAsJsonAsync($"/api/orders/{orderId}/pack", new { }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await Expect(phone.Locator("#offer")).ToHaveAttributeAsync("data-order", orderId);
        await Expect(phone.Locator("#countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-3][0-9]$"));
        await WebFixture.ScreenshotAsync(phone, "courier-offer");
        await Accessibility.AssertSmokeAsync(phone);

        await phone.ClickAsync("#accept-offer");
        await Expect(shop.Locator("#order-status")).ToHaveTextAsync("With a courier");
        await Expect(phone.Locator("#courier-status")).ToHaveTextAsync("Heading to a pickup");
        await Expect(shop.Locator("#courier-line")).ToContainTextAsync("Dara is on the way"); // the phone reports its simulated ride
        // The courier's stops in the planned order, each with its ETA; the drop-off also says when it is due.
        await Expect(phone.Locator("#stops li")).ToHaveCountAsync(2);
        await Expect(phone.Locator("#stops li").Nth(0)).ToHaveAttributeAsync("data-stop", "pickup");
        await Expect(phone.Locator("#stops li").Nth(0)).ToContainTextAsync("ETA ");
        await Expect(phone.Locator("#stops li").Nth(1)).ToHaveAttributeAsync("data-stop", "dropoff");
        await Expect(phone.Locator("#stops li").Nth(1)).ToContainTextAsync(new System.Text.RegularExpressions.Regex("ETA [0-9:]+ · due [0-9:]+"));
        await WebFixture.ScreenshotAsync(shop, "shop-tracking-courier");

        await phone.ClickAsync($"#picked-up-{orderId}");
        await Expect(shop.Locator("#order-status")).ToHaveTextAsync("Picked up");
        await Expect(phone.Locator("#stops li")).ToHaveCountAsync(1);
        await phone.ClickAsync($"#delivered-{orderId}");
        await Expect(shop.Locator("#order-status")).ToHaveTextAsync("Delivered");
        await Expect(phone.Locator("#courier-status")).ToHaveTextAsync("Online, waiting for orders");

        var order = await web.Grains.Order(new OrderId(orderId)).GetAsync();
        Assert.Equal(
            [OrderStatus.Placed, OrderStatus.Reserved, OrderStatus.Packed, OrderStatus.Dispatched, OrderStatus.PickedUp, OrderStatus.Delivered],
            order!.History.Select(t => t.To));
        Assert.Equal([$"courier:{courierId}"], order.History.Skip(3).Select(t => t.Actor).Distinct());
        await Expect(shop.Locator("#timeline li.done")).ToHaveCountAsync(6);

        // The shopper sends it back: the pickup is offered to the courier near the door, who collects it and takes it to sorting.
        var door = order.DeliveryAddress!;
        await web.Grains.Courier(new CourierId(courierId)).UpdatePositionAsync(door, DateTimeOffset.UtcNow); // the ride ended at the door
        await TestData.SeenByDispatchAsync(web.Grains, courierId);
        await shop.ReloadAsync();
        var form = shop.Locator($"form.return-form[data-sku='{sku}']");
        await form.Locator("input[type=file]").SetInputFilesAsync(new Microsoft.Playwright.FilePayload { Name = "tags.jpg", MimeType = "image/jpeg", Buffer = TestData.TagPhoto });
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(shop.Locator("#return-list li").First).ToContainTextAsync("Approved");
        var returnId = await shop.Locator("#return-list li").First.GetAttributeAsync("data-return");
        await Expect(phone.Locator("#offer")).ToHaveAttributeAsync("data-order", returnId!);
        await Expect(phone.Locator("#offer-title")).ToHaveTextAsync("Return pickup offered");
        await WebFixture.ScreenshotAsync(phone, "courier-return-offer");
        await phone.ClickAsync("#accept-offer");
        await Expect(phone.Locator("#stops li").Nth(0)).ToContainTextAsync($"Collect return {returnId} from the shopper's door");
        await phone.ClickAsync($"#collected-{returnId}");
        await Expect(phone.Locator("#stops li").Nth(0)).ToContainTextAsync($"Take return {returnId} to sorting");
        await Accessibility.AssertSmokeAsync(phone);
        await phone.ClickAsync($"#sorting-{returnId}");
        await Expect(phone.Locator("#courier-status")).ToHaveTextAsync("Online, waiting for orders");

        var sent = await web.Grains.Return(returnId!).GetAsync();
        Assert.Equal((ReturnStatus.AtSorting, courierId), (sent!.Status, sent.CourierId));
        Assert.Equal([$"courier:{courierId}"], sent.History.Skip(2).Select(t => t.Actor).Distinct()); // took, collected, sorted
    }
}
