using Tandem.Brains.Supply;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Supply;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Supply;

/// <summary>A SKU with months of stock that hardly sells is flagged, promoted once by the supply chain, and its sales since are tracked.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class SlowMoversTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Theory]
    [InlineData(100, 4, 10, 90, true)]     // 40 weeks of cover, 4 % sold
    [InlineData(100, 40, 40, 90, false)]   // 10 weeks of cover but 29 % sold
    [InlineData(100, 10, 60, 90, false)]   // 9 % sold but under 7 weeks of cover
    [InlineData(9, 0, 0, 90, false)]       // too little to clear
    [InlineData(50, 0, 0, 90, true)]       // nothing sells, nothing forecast: no end of cover
    [InlineData(100, 4, 10, 27, false)]    // selling for under four weeks: new, not slow
    public void A_sku_is_flagged_by_its_weeks_of_cover_and_its_four_week_sell_through_once_it_is_four_weeks_old(int available, double sold, double forecast, int age, bool flagged)
    {
        var judged = SlowMovers.Judge(new SkuStock("A", available, sold, forecast, age));

        Assert.Equal(flagged, judged is not null);
    }

    [Fact]
    public async Task A_slow_mover_is_promoted_once_by_the_supply_chain_and_its_sales_since_are_tracked()
    {
        var sku = (await TestData.NewProductsAsync(Grains, 1))[0];
        var store = new CellKey(sku, TestData.Brixton.Id);
        await Grains.Cell(store).ReceiveAsync(200, "opening", "test");
        var today = DateOnly.FromDateTime(GrainClusterFixture.Clock.GetUtcNow().UtcDateTime);
        await Grains.Demand(store).SeedAsync([.. Enumerable.Range(1, 90).Where(back => back % 30 == 0).Select(back => new DemandDay { Day = today.AddDays(-back), Units = 1, Revenue = 10m })]);
        await Grains.ForecastPlanner().ChangedAsync(store.ToString());

        await Grains.ForecastPlanner().RunAsync();
        await Grains.ForecastPlanner().RunAsync();
        var flagged = Assert.Single(await Grains.SlowMovers().GetAsync(), f => f.Sku == sku);
        var promotion = Assert.Single((await Grains.Promotions().GetAsync()).Items, p => p.Sku == sku);

        Assert.Equal((200, 0.0, ISlowMoversGrain.Source), (flagged.Available, flagged.SellThrough, promotion.Source));
        Assert.Equal(flagged.Reason, promotion.Reason);
        Assert.StartsWith("Slow mover: 200 in stock, ", flagged.Reason, StringComparison.Ordinal);
        Assert.Equal(flagged.FlaggedAt.AddDays(ISlowMoversGrain.PromotionDays), promotion.Until);
        Assert.Null(flagged.SoldPerDaySince);

        // Two days later, with 6 units sold the day after the flag: 3 a day since.
        var flagDay = DateOnly.FromDateTime(flagged.FlaggedAt.UtcDateTime);
        GrainClusterFixture.Clock.Advance(TimeSpan.FromDays(2));
        await Grains.Demand(store).RecordAsync(new DemandEntry { Id = TestData.NewId("sale"), At = new DateTimeOffset(flagDay.AddDays(1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), Units = 6, Revenue = 60m });
        await Grains.ForecastPlanner().RunAsync();
        var tracked = Assert.Single(await Grains.SlowMovers().GetAsync(), f => f.Sku == sku);

        Assert.Equal(flagged.FlaggedAt, tracked.FlaggedAt); // promoted once
        var days = DateOnly.FromDateTime(GrainClusterFixture.Clock.GetUtcNow().UtcDateTime).AddDays(-1).DayNumber - flagDay.DayNumber;
        Assert.Equal(Math.Round(6.0 / days, 3), tracked.SoldPerDaySince);

        // Cleared: the shared cluster's recommendation tests must not meet this promotion.
        await Grains.Promotions().EndAsync(sku);
        await Grains.Cell(store).AdjustAsync(0, "cleared", TestData.NewId("count"), "test");
    }
}
