using System.Net;
using System.Net.Http.Json;

using Tandem.Contracts.Supply;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>An operator sees a store's replenishment suggestion, accepts it with one request (twice: one transfer), and the store receives it once.</summary>
[Collection(ApiCollection.Name)]
public sealed class SupplyApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_suggestion_accepted_twice_makes_one_transfer_and_its_receipt_twice_lands_once()
    {
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        var store = new CellKey(sku, "st-camden");
        await api.Grains.Cell(store).ReceiveAsync(1, "opening", "test");
        await api.Grains.Cell(new CellKey(sku, "wh-barking")).ReceiveAsync(300, "opening", "test");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await api.Grains.Demand(store).SeedAsync([.. Enumerable.Range(1, 60).Select(back => new DemandDay { Day = today.AddDays(-back), Units = 6, Revenue = 60m })]);
        await api.Grains.ForecastPlanner().ChangedAsync(store.ToString());
        await api.Grains.ForecastPlanner().RunAsync();
        using var ops = api.Ops();
        var ct = TestContext.Current.CancellationToken;

        var suggestions = await ops.GetFromJsonAsync<SupplySuggestion[]>("/api/supply/suggestions", ApiFixture.Json, ct);
        var suggestion = Assert.Single(suggestions!, s => s.Sku == sku && s.ToLocationId == "st-camden");
        // Camden's nearest warehouse holds none: the units come from Barking, and that warehouse is sent Camden's next four weeks.
        var regional = Assert.Single(suggestions!, s => s.Sku == sku && s.ToLocationId != "st-camden");
        var fourWeeks = (await api.Grains.Forecast(store).GetAsync())!.Days.Take(28).Sum(d => d.Mean);
        var first = await ops.PostAsync($"/api/supply/suggestions/{suggestion.Id}/accept", null, ct);
        var again = await ops.PostAsync($"/api/supply/suggestions/{suggestion.Id}/accept", null, ct);
        var transfer = await first.Content.ReadFromJsonAsync<TransferView>(ApiFixture.Json, ct);
        var receipts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ops.PostAsync($"/api/supply/transfers/{transfer!.TransferId}/receive", null, ct)));
        var read = await ops.GetFromJsonAsync<TransferView>($"/api/supply/transfers/{transfer!.TransferId}", ApiFixture.Json, ct);

        Assert.Equal("wh-barking", suggestion.FromLocationId);
        Assert.Equal(("wh-barking", TestData.Warehouse.Id), (regional.FromLocationId, regional.ToLocationId));
        Assert.InRange(regional.Quantity, Math.Ceiling(fourWeeks) - 1, Math.Ceiling(fourWeeks) + 1); // the forecast's days are rounded to 3 decimals
        Assert.StartsWith("the stores nearest Test warehouse expect to sell", regional.Reason, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(transfer.TransferId, (await again.Content.ReadFromJsonAsync<TransferView>(ApiFixture.Json, ct))!.TransferId);
        Assert.All(receipts, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal((TransferStatus.Received, suggestion.Quantity, "ops:ops-tests"), (read!.Status, read.Quantity, read.ReceivedBy));
        Assert.Equal(1 + suggestion.Quantity, (await api.Grains.Cell(store).GetSnapshotAsync()).OnHand);
        Assert.Equal(300 - suggestion.Quantity, (await api.Grains.Cell(new CellKey(sku, "wh-barking")).GetSnapshotAsync()).OnHand);
    }
}
