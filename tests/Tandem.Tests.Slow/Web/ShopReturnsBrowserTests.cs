using System.Net.Http.Json;

using Microsoft.Playwright;

using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

using static Microsoft.Playwright.Assertions;

namespace Tandem.Tests.Web;

/// <summary>Returns in the shop, in a real browser: the order page's return form, the coupon chosen, and the coupon spent at checkout.</summary>
[Collection(WebCollection.Name)]
public sealed class ShopReturnsBrowserTests(WebFixture web)
{
    private const string Store = "st-camden";

    [Fact]
    public async Task A_refused_return_says_its_rule_an_approved_one_takes_the_coupon_and_the_coupon_pays_part_of_the_next_order()
    {
        var sku = (await TestData.NewProductsAsync(web.Grains, 1, withTestLocations: false))[0];
        await web.Grains.Cell(new CellKey(sku, Store)).ReceiveAsync(5, "opening", "test");
        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/?shopper={TestData.NewId("erin")}#/p/{sku}");
        await page.Locator("#quantity").SelectOptionAsync("2");
        await page.ClickAsync("#add-to-cart");
        await Expect(page.Locator("#cart-count")).ToHaveTextAsync("2");
        await page.GotoAsync("/#/cart");
        await page.CheckAsync("input[name=mode][value=pickup]");
        await page.Locator("#pickup-store").SelectOptionAsync(Store);
        await page.ClickAsync("#place-order");
        await Expect(page.Locator("#order-status")).ToHaveTextAsync("Stock reserved");
        var orderId = page.Url.Split("#/orders/")[1];
        await Expect(page.Locator("#returns")).ToContainTextAsync("Once you have the goods");
        using var ops = web.Ops();
        foreach (var step in new[] { "pack", "ready-for-pickup", "picked-up" })
        {
            (await ops.PostAsJsonAsync($"/api/orders/{orderId}/{step}", new { }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        await page.ReloadAsync();
        var form = page.Locator($"form.return-form[data-sku='{sku}']");
        await form.Locator("button[type=submit]").ClickAsync(); // no photo of the tags
        await Expect(form.Locator(".return-outcome")).ToContainTextAsync("Refused by the evidence rule: a photo of the item with its tags is required");

        await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "tags.jpg", MimeType = "image/jpeg", Buffer = TestData.TagPhoto });
        await form.Locator("button[type=submit]").ClickAsync();
        var item = page.Locator("#return-list li").First;
        await Expect(item).ToContainTextAsync("Approved");
        await item.Locator("button[data-choose=coupon]").ClickAsync();
        await Expect(page.Locator("#return-list li").First).ToContainTextAsync("you chose the coupon");
        await WebFixture.ScreenshotAsync(page, "shop-order-return");
        await Accessibility.AssertSmokeAsync(page); // every control of the returns named and reachable by keyboard

        var returnId = await page.Locator("#return-list li").First.GetAttributeAsync("data-return");
        using var staff = web.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new("Bearer", web.Token("ops", "staff-camden", Store));
        (await staff.PostAsJsonAsync($"/api/returns/{returnId}/hand-in", new { }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/returns/{returnId}/grade", new { grade = "a" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await Expect(page.Locator("#order-status")).ToHaveTextAsync("Partly returned");
        await Expect(page.Locator("#timeline li[data-status=partiallyReturned]")).ToContainTextAsync($"1 × {sku} back");
        var settlement = page.Locator("#return-list li .return-settlement");
        await Expect(settlement).ToContainTextAsync("worth £11.00");
        var code = (await settlement.TextContentAsync())!.Split("coupon ")[1].Split(' ')[0];

        await page.GotoAsync($"/#/p/{sku}");
        await page.ClickAsync("#add-to-cart");
        await Expect(page.Locator("#cart-count")).ToHaveTextAsync("1"); // in the cart before the cart page reads it
        await page.GotoAsync("/#/cart");
        await page.CheckAsync("input[name=mode][value=pickup]");
        await page.Locator("#pickup-store").SelectOptionAsync(Store);
        await page.FillAsync("#coupon-code", code);
        await page.ClickAsync("#place-order");
        await Expect(page.Locator("#order-total")).ToContainTextAsync($"£0.00 (coupon {code}: −£10.00)");
        var second = await web.Grains.Order(new OrderId(page.Url.Split("#/orders/")[1])).GetAsync();
        Assert.Equal((OrderStatus.Reserved, 10m, 0m), (second!.Status, second.Discount, second.Total));
    }
}
