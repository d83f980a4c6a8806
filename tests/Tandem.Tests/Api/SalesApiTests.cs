using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Tandem.Contracts.Inventory;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>An operator puts a cell's units on sale at a time: no order holds them before, every buyer may after.</summary>
[Collection(ApiCollection.Name)]
public sealed class SalesApiTests(ApiFixture api)
{
    private const string Store = "st-camden";

    [Fact]
    public async Task Orders_before_a_sale_starts_are_refused_saying_when_and_succeed_once_it_is_on()
    {
        using var ops = api.Ops();
        using var shopper = api.ClientAs("shopper", "sale-early-bird");
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        await ops.ReceiveAsync(sku, Store, 10, "po-1");
        var startsAt = DateTimeOffset.UtcNow.AddHours(1);
        var sale = new { startsAt = startsAt.ToString("O") };

        var scheduled = await ops.PutAsJsonAsync($"/api/inventory/{sku}/{Store}/sale", sale, TestContext.Current.CancellationToken);
        var again = await ops.PutAsJsonAsync($"/api/inventory/{sku}/{Store}/sale", sale, TestContext.Current.CancellationToken);
        var early = await shopper.PostJsonAsync("/api/orders", Http.PickupOrder("sale-early-bird-web", Store, (sku, 1)), "early");
        var availability = await api.AvailabilityAsync(shopper, sku, Store);
        var calledOff = await ops.DeleteAsync(new Uri($"/api/inventory/{sku}/{Store}/sale", UriKind.Relative), TestContext.Current.CancellationToken);
        var onTime = await shopper.PostJsonAsync("/api/orders", Http.PickupOrder("sale-early-bird-web", Store, (sku, 1)), "on-time");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (scheduled.StatusCode, again.StatusCode, calledOff.StatusCode));
        var first = await scheduled.Content.ReadFromJsonAsync<CellCommandResponse>(ApiFixture.Json, TestContext.Current.CancellationToken);
        var second = await again.Content.ReadFromJsonAsync<CellCommandResponse>(ApiFixture.Json, TestContext.Current.CancellationToken);
        Assert.Equal((CellOutcome.Applied, CellOutcome.Replayed), (first!.Outcome, second!.Outcome));
        Assert.Equal(startsAt.ToUnixTimeMilliseconds(), first.Cell.SaleStartsAt!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(startsAt.ToUnixTimeMilliseconds(), availability.SaleStartsAt!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        using var problem = JsonDocument.Parse(await early.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Not on sale before", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, onTime.StatusCode);
        var after = await api.AvailabilityAsync(shopper, sku, Store);
        Assert.Equal((10, 1, null), (after.OnHand, after.Reserved, after.SaleStartsAt));
    }
}
