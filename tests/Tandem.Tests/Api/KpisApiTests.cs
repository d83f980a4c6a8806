using System.Net;
using System.Text.Json;

using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class KpisApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_shopper_answers_the_survey_of_a_collected_order_once_and_the_region_s_nps_counts_it_once()
    {
        var shopper = TestData.NewId("ann");
        var store = TestData.RemoteStore("t-kpi-exeter", "Test store Exeter", 50.7184, -3.5339); // a region of this test's own
        var sku = await TestData.StockedAtAsync(api.Grains, store, 1);
        var orderId = TestData.NewId("o");
        var order = api.Grains.Order(new OrderId(orderId));
        var placed = await order.PlaceAsync(TestOrders.Pickup(store.Id, (sku, 1)) with { ShopperId = new(shopper) });
        Assert.Equal(OrderOutcome.Applied, placed.Outcome);
        using var client = api.ClientAs("shopper", shopper);
        using var ops = api.Ops();
        var ct = TestContext.Current.CancellationToken;
        async Task<(double Numerator, double Denominator, double? Value)> NpsAsync()
        {
            using var board = JsonDocument.Parse(await ops.GetStringAsync(new Uri("/api/kpis?window=1h", UriKind.Relative), ct));
            var region = board.RootElement.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("locations").EnumerateArray().Any(l => l.GetString() == store.Name));
            var nps = region.GetProperty("report").GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "nps");
            return (nps.GetProperty("numerator").GetDouble(), nps.GetProperty("denominator").GetDouble(), nps.TryGetProperty("value", out var value) ? value.GetDouble() : null);
        }

        using var early = await client.PostJsonAsync($"/api/orders/{orderId}/survey", """{"score":10}""");
        await order.PackAsync("ops:tests");
        await order.MarkReadyForPickupAsync("ops:tests");
        await order.MarkPickedUpAsync("shopper:" + shopper);
        var before = await NpsAsync();
        using var answered = await client.PostJsonAsync($"/api/orders/{orderId}/survey", """{"score":3}""");
        using var again = await client.PostJsonAsync($"/api/orders/{orderId}/survey", """{"score":3}""");
        using var other = await client.PostJsonAsync($"/api/orders/{orderId}/survey", """{"score":10}""");
        var after = await Await.UntilAsync(async () => await NpsAsync() is var nps && nps.Denominator > 0 ? (object)nps : null, TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict), (answered.StatusCode, again.StatusCode, other.StatusCode));
        using var view = JsonDocument.Parse(await again.Content.ReadAsStringAsync(ct));
        Assert.Equal(3, view.RootElement.GetProperty("surveyScore").GetInt32());
        Assert.Equal((0.0, 0.0, (double?)null), before);
        Assert.Equal((-1.0, 1.0, (double?)-100.0), ((double, double, double?))after); // one detractor, counted once
    }

    [Fact]
    public async Task The_board_counts_the_couriers_on_shift_in_the_region_of_their_last_position_and_leaves_out_the_offline()
    {
        // A store of its own in Aberdeen: its zone holds no other location or courier.
        var store = TestData.RemoteStore("t-aberdeen", "Test store Aberdeen", 57.1497, -2.0943);
        await api.Grains.Catalog().UpsertAsync([], [store]);
        var (riding, resting) = (TestData.NewId("courier"), TestData.NewId("courier"));
        await api.Grains.Courier(new CourierId(riding)).RegisterAsync("Aberdeen rider", 2, store.Position, Contracts.Couriers.CourierStatus.Idle);
        await api.Grains.Courier(new CourierId(resting)).RegisterAsync("Aberdeen off shift", 2, store.Position, Contracts.Couriers.CourierStatus.Offline);
        await Await.UntilAsync(async () => (await api.Grains.CouriersFromBoardsAsync()).Count(c => c.CourierId == riding || c.CourierId == resting) == 2 ? "seen" : null, TimeSpan.FromSeconds(10));
        var onShift = (await api.Grains.CouriersFromBoardsAsync()).Count(c => c.Status != Contracts.Couriers.CourierStatus.Offline);
        using var ops = api.Ops();

        var board = await api.Grains.KpiBoard().GetAsync(Contracts.Kpis.KpiWindow.Minutes15);

        var region = board.Regions.Single(r => r.Locations.Contains("Test store Aberdeen"));
        Assert.Equal(["Test store Aberdeen"], region.Locations);
        Assert.Equal(1, region.ActiveCouriers);
        Assert.InRange(board.ActiveCouriers, onShift - 5, onShift + 5); // the city's couriers as the boards show them (other tests' come and go)
        Assert.True(board.ActiveCouriers >= board.Regions.Sum(r => r.ActiveCouriers));
        using var read = JsonDocument.Parse(await ops.GetStringAsync(new Uri("/api/kpis", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal(1, read.RootElement.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("id").GetString() == region.Id).GetProperty("activeCouriers").GetInt32());
    }

    [Fact]
    public async Task The_board_holds_the_city_and_each_region_over_the_window_asked_each_with_every_indicator_and_its_trend()
    {
        using var ops = api.Ops();
        var ct = TestContext.Current.CancellationToken;
        var census = await api.Grains.StockCensus().TakeAsync();

        using var quarter = JsonDocument.Parse(await ops.GetStringAsync(new Uri("/api/kpis", UriKind.Relative), ct));
        using var day = JsonDocument.Parse(await ops.GetStringAsync(new Uri("/api/kpis?window=24h", UriKind.Relative), ct));

        string[] names = ["nps", "returnRate", "onTime", "conversion", "averageOrderValue", "recommendationCtr", "packingFill", "packingSaving", "deliveryMinutes", "stockOutRate", "inventoryTurnover", "orders", "reservations"];
        var overall = quarter.RootElement.GetProperty("overall");
        Assert.Equal(("all", "15m"), (overall.GetProperty("region").GetString(), overall.GetProperty("window").GetString()));
        Assert.Equal(names, overall.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.All(overall.GetProperty("indicators").EnumerateArray(), i => Assert.Equal(15, i.GetProperty("series").GetArrayLength()));
        Assert.Equal("24h", day.RootElement.GetProperty("overall").GetProperty("window").GetString());
        Assert.All(day.RootElement.GetProperty("overall").GetProperty("indicators").EnumerateArray(), i => Assert.Equal(24, i.GetProperty("series").GetArrayLength()));
        var regions = quarter.RootElement.GetProperty("regions").EnumerateArray().ToList();
        Assert.Contains(regions, r => r.GetProperty("locations").EnumerateArray().Any(l => l.GetString() == "Camden store"));
        Assert.Equal(regions.Select(r => r.GetProperty("id").GetString()).Order(StringComparer.Ordinal), regions.Select(r => r.GetProperty("id").GetString()));
        var counted = quarter.RootElement.GetProperty("census");
        Assert.True(census.City.Cells > 0, "the city's cells joined the census as they were stocked");
        Assert.Equal(census.City.Cells, census.Regions.Sum(r => r.Cells));
        Assert.True(DateTimeOffset.Parse(counted.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= census.At); // this census, or one counted since
        var censusRegions = counted.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("region").GetString()).ToList();
        Assert.Equal(censusRegions.Order(StringComparer.Ordinal), censusRegions);
    }
}
