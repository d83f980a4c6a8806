using Tandem.Contracts.Couriers;
using Tandem.Contracts.Kpis;
using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Kpis;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Kpis;

/// <summary>
/// What happens to an order reaches the live KPIs of its region through the order's outbox: placed, packed, fulfilled,
/// delivered on time or late, surveyed, returned; each once, however often the step is repeated. Every test orders from a
/// store of its own far from the others, so its region counts only its orders.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class OrderKpiTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private static KpiIndicator Indicator(KpiReport report, string name) => report.Indicators.Single(i => i.Name == name);

    private static string RegionOf(Contracts.Catalog.Location store) => new Grains.Dispatch.DispatchOptions().ZoneOf(store.Position);

    /// <summary>The region's report once it counted <paramref name="facts"/> facts (an order counts after it answered).</summary>
    private async Task<KpiReport> CountedAsync(string region, KpiWindow window, long facts) =>
        await Await.UntilAsync(async () => await Grains.Kpi(region).GetAsync(window) is { } report && report.Counts.Values.Sum() >= facts ? report : null, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task A_collected_order_counts_its_revenue_fill_fulfilment_survey_and_return_once_each_in_its_region()
    {
        var store = TestData.RemoteStore("t-kpi-aberdeen", "Test store Aberdeen", 57.1497, -2.0943);
        var sku = await TestData.StockedAtAsync(Grains, store, 3);
        var order = Grains.Order(new OrderId(TestData.NewId("o")));

        Assert.Equal(OrderOutcome.Applied, (await order.PlaceAsync(TestOrders.Pickup(store.Id, (sku, 3)))).Outcome);
        Assert.Equal(OrderOutcome.Replayed, (await order.PlaceAsync(TestOrders.Pickup(store.Id, (sku, 3)))).Outcome);
        var packed = (await order.PackAsync("packer")).Order!;
        await order.PackAsync("packer");
        await order.MarkReadyForPickupAsync("store");
        var early = await order.AnswerSurveyAsync(10); // the shopper does not have it yet
        await order.MarkPickedUpAsync("shopper:Test");
        var surveyed = await order.AnswerSurveyAsync(9);
        var again = await order.AnswerSurveyAsync(9);
        var changed = await order.AnswerSurveyAsync(3);
        await order.ClaimReturnAsync("r-1", sku, 1);
        await order.ClaimReturnAsync("r-2", sku, 1); // a second return of the same order: still one returned order

        var report = await CountedAsync(RegionOf(store), KpiWindow.Minutes15, 9);

        Assert.Equal(OrderOutcome.InvalidTransition, early.Outcome);
        Assert.Equal((OrderOutcome.Applied, 9), (surveyed.Outcome, surveyed.Order!.SurveyScore));
        Assert.Equal((OrderOutcome.Replayed, OrderOutcome.InvalidTransition), (again.Outcome, changed.Outcome));
        Assert.Equal(new Dictionary<string, long> { ["order"] = 1, ["orderUnits"] = 1, ["fulfilled"] = 1, ["return"] = 1, ["packedGoods"] = 1, ["packedBoxes"] = 1, ["packedBaseline"] = 1, ["survey"] = 1, ["reservation"] = 1 }, report.Counts);
        Assert.Equal(1.0, Indicator(report, "reservations").Value); // its one line held its 3 units once
        Assert.Equal(30.0, Indicator(report, "averageOrderValue").Value); // 3 × 10
        Assert.Equal(100.0, Indicator(report, "nps").Value); // one promoter
        Assert.Equal(1.0, Indicator(report, "returnRate").Value);
        Assert.Equal(packed.Packing!.ItemLitres / packed.Packing.BoxLitres, Indicator(report, "packingFill").Value!.Value, 9);
        Assert.Equal(1 - (packed.Packing.BoxLitres / packed.Packing.BaselineLitres), Indicator(report, "packingSaving").Value!.Value, 9);
        Assert.Null(Indicator(report, "onTime").Value); // collected, not delivered
    }

    [Fact]
    public async Task A_delivery_within_the_promise_is_on_time_and_one_after_it_is_late()
    {
        var store = TestData.RemoteStore("t-kpi-inverness", "Test store Inverness", 57.4778, -4.2247);
        var near = new Contracts.Catalog.GeoPoint { Lat = 57.4800, Lon = -4.2200 };
        var sku = await TestData.StockedAtAsync(Grains, store, 2);
        var courierId = TestData.NewId("courier");
        await Grains.Courier(new CourierId(courierId)).RegisterAsync("Test courier", 2, near, CourierStatus.Idle);

        async Task DeliverAsync(TimeSpan after)
        {
            var order = Grains.Order(new OrderId(TestData.NewId("o")));
            Assert.Equal(OrderOutcome.Applied, (await order.PlaceAsync(TestOrders.Delivery(near, (sku, 1)))).Outcome);
            await order.PackAsync("packer");
            await order.DispatchAsync(new CourierId(courierId), "dispatcher");
            await order.MarkPickedUpAsync(courierId);
            GrainClusterFixture.Clock.Advance(after);
            Assert.Equal(OrderOutcome.Applied, (await order.MarkDeliveredAsync(courierId)).Outcome);
            Assert.Equal(OrderOutcome.Replayed, (await order.MarkDeliveredAsync(courierId)).Outcome);
        }

        await DeliverAsync(TimeSpan.FromMinutes(50)); // the promise is 45 minutes from placing
        await DeliverAsync(TimeSpan.FromMinutes(20));

        await CountedAsync(RegionOf(store), KpiWindow.Day, 16); // two orders: placed (2), packed (3), handed over (3)
        var hour = await Grains.Kpi(RegionOf(store)).GetAsync(KpiWindow.Hour);
        var quarter = await Grains.Kpi(RegionOf(store)).GetAsync(KpiWindow.Minutes15);

        Assert.Equal((2L, 2L), (hour.Counts["delivery"], hour.Counts["fulfilled"]));
        Assert.Equal(35.0, Indicator(hour, "deliveryMinutes").Value); // 50 and 20 minutes from placing
        Assert.Equal(0.5, Indicator(hour, "onTime").Value);
        Assert.Equal(1.0, Indicator(quarter, "onTime").Value); // the late one was delivered 20 minutes ago: the quarter before
        Assert.Equal(0.0, Indicator(quarter, "onTime").Previous);
    }

    [Fact]
    public async Task The_city_counts_what_each_region_counts_and_the_board_lists_the_regions_holding_a_location()
    {
        var store = TestData.RemoteStore("t-kpi-lerwick", "Test store Lerwick", 60.1530, -1.1490);
        var sku = await TestData.StockedAtAsync(Grains, store, 5);
        var city = Grains.Kpi(IKpiGrain.Overall);
        var before = (await city.GetAsync(KpiWindow.Day)).Counts.GetValueOrDefault("orderUnits");

        var placed = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Grains.Order(new OrderId(TestData.NewId("o"))).PlaceAsync(TestOrders.Pickup(store.Id, (sku, 1)))));
        await CountedAsync(RegionOf(store), KpiWindow.Day, 15); // each order: placed, its units, its one line reserved
        var board = await Grains.KpiBoard().GetAsync(KpiWindow.Day);

        Assert.All(placed, p => Assert.Equal(OrderOutcome.Applied, p.Outcome));
        Assert.Equal(before + 5, (await city.GetAsync(KpiWindow.Day)).Counts["orderUnits"]); // the city hears each fact with its region
        var region = Assert.Single(board.Regions, r => r.Id == RegionOf(store));
        Assert.Equal(["Test store Lerwick"], region.Locations);
        Assert.Equal(5L, region.Report.Counts["order"]);
        Assert.Equal(("all", "24h"), (board.Overall.Region, board.Overall.Window));
        Assert.Equal(board.Regions.Select(r => r.Id).Order(StringComparer.Ordinal), board.Regions.Select(r => r.Id));
    }
}
