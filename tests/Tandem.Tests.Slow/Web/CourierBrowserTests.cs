using System.Net.Http.Json;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Tandem.Tests.Web;

/// <summary>The courier's phone (375 px wide) and the shopper's tracking page, side by side in one browser.</summary>
[Collection(WebCollection.Name)]
public sealed class CourierBrowserTests(WebFixture web)
{
    /// <summary>A store in Cambridge: only this test's courier is near it, so the offer goes to them.</summary>
    private static readonly Location FarStore = TestData.RemoteStore("t-cambridge-web", "Cambridge store", 52.2053, 0.1218);

    [Fact]
    public async Task A_courier_accepts_the_offer_picks_up_and_delivers_while_the_shoppers_tracking_page_follows()
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
    }
}
