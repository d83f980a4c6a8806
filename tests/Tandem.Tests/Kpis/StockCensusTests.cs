using Tandem.Contracts.Experiments;
using Tandem.Contracts.Inventory;
using Tandem.Contracts.Kpis;
using Tandem.Contracts.Orders;
using Tandem.Grains.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Kpis;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Kpis;

/// <summary>
/// The stock census counts every stocked cell and hands each region's counts to its KPI grain: the stock-out rate and the
/// inventory turnover are read from them. The test's store is in a region of its own (Penzance).
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class StockCensusTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private static KpiIndicator Indicator(KpiReport report, string name) => report.Indicators.Single(i => i.Name == name);

    [Fact]
    public async Task A_census_counts_the_region_s_cells_units_and_empty_cells_once_a_minute_and_the_kpis_read_them()
    {
        var store = TestData.RemoteStore("t-census-penzance", "Test store Penzance", 50.1188, -5.5371);
        var region = new Grains.Dispatch.DispatchOptions().ZoneOf(store.Position);
        var plenty = await TestData.StockedAtAsync(Grains, store, 4); // received: the cell joins the census before it answers
        var last = await TestData.StockedAtAsync(Grains, store, 1);
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        Assert.Equal(OrderOutcome.Applied, (await order.PlaceAsync(TestOrders.Pickup(store.Id, (last, 1)))).Outcome); // holds the last unit

        var first = await Grains.StockCensus().TakeAsync();
        var again = await Grains.StockCensus().TakeAsync(); // the same minute: the region has its census for it
        var report = await Grains.Kpi(region).GetAsync(KpiWindow.Minutes15);

        Assert.Equal(new StockCount { Region = region, Cells = 2, OutOfStock = 1, Units = 5 }, first.Regions.Single(r => r.Region == region));
        Assert.Equal(first.Regions.Single(r => r.Region == region), again.Regions.Single(r => r.Region == region));
        Assert.True(first.City.Cells >= 2 && first.City.Units >= 5, $"the city counted {first.City}");
        Assert.Equal(1L, report.Counts["stockLevel"]);
        Assert.Equal((1.0, 2.0, 0.5), (Indicator(report, "stockOutRate").Numerator, Indicator(report, "stockOutRate").Denominator, Indicator(report, "stockOutRate").Value!.Value));
        Assert.Equal((1.0, 5.0), (Indicator(report, "inventoryTurnover").Numerator, Indicator(report, "inventoryTurnover").Denominator));
        Assert.Equal(365 * 24 * 4 / 5.0, Indicator(report, "inventoryTurnover").Value!.Value, 9); // a fifth of the stock sold in 15 minutes

        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(CellOutcome.Applied, (await Grains.Cell(new CellKey(last, store.Id)).ReceiveAsync(3, "restock-1", "test")).Outcome);
        var second = await Grains.StockCensus().TakeAsync();
        var later = await Grains.Kpi(region).GetAsync(KpiWindow.Minutes15);

        Assert.Equal(new StockCount { Region = region, Cells = 2, OutOfStock = 0, Units = 8 }, second.Regions.Single(r => r.Region == region));
        Assert.Equal(2L, later.Counts["stockLevel"]);
        Assert.Equal(0.25, Indicator(later, "stockOutRate").Value); // one empty cell of two, then none of two
        Assert.Equal(6.5, Indicator(later, "inventoryTurnover").Denominator); // (5 + 8) / 2 on hand
    }

    [Fact]
    public async Task A_region_s_count_read_from_its_kpis_is_in_the_last_census_even_when_another_grain_could_not_take_its_facts()
    {
        var store = TestData.RemoteStore("t-census-stornoway", "Test store Stornoway", 58.2090, -6.3890);
        var region = new Grains.Dispatch.DispatchOptions().ZoneOf(store.Position);
        var id = TestData.NewId("exp");
        var window = new ExperimentDefinition
        {
            Id = id, Name = "Stornoway window", Regions = [region],
            Variants = [new VariantDefinition { Name = "short", Settings = new() { DispatchWindowSeconds = 2 } }, new VariantDefinition { Name = "long", Settings = new() { DispatchWindowSeconds = 30 } }],
        };
        await Grains.Experiment(id).CreateAsync(window, "ops:ann");
        await Grains.Experiment(id).StartAsync("ops:ann");
        GrainClusterFixture.Clock.Advance(ExperimentOptions.DefaultRefreshEvery); // the census reads the running experiments again
        FaultyStorage.FailWritesOf($"kpi/{id}#"); // the experiment's variants' KPI grains cannot write: the census's facts reach its region, not them
        try
        {
            await TestData.StockedAtAsync(Grains, store, 3);

            await Assert.ThrowsAnyAsync<Exception>(() => Grains.StockCensus().TakeAsync());
            var report = await Grains.Kpi(region).GetAsync(KpiWindow.Minutes15);
            var last = await Grains.StockCensus().GetLastAsync();

            Assert.Equal(1L, report.Counts["stockLevel"]);
            Assert.Equal(new StockCount { Region = region, Cells = 1, OutOfStock = 0, Units = 3 }, last!.Regions.Single(r => r.Region == region));
        }
        finally
        {
            FaultyStorage.Heal($"kpi/{id}#");
            await Grains.Experiment(id).StopAsync("ops:ann");
        }
    }

    [Fact]
    public async Task A_malformed_cell_key_or_one_of_another_shard_is_refused_and_adds_nothing()
    {
        var cell = new CellKey(TestData.NewSku(), TestData.Camden.Id);
        var shard = IStockRangeGrain.ShardOf(cell.ToString());
        var other = Grains.StockRange((shard + 1) % IStockRangeGrain.Shards);
        var listed = await other.GetAsync();

        await Assert.ThrowsAsync<FormatException>(() => other.AddAsync("no-location"));
        await Assert.ThrowsAsync<ArgumentException>(() => other.AddAsync(cell.ToString())); // in two shards it would count twice
        await Grains.StockCensus().TakeAsync(); // still counts

        Assert.Equal(listed.Order(StringComparer.Ordinal), (await other.GetAsync()).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(cell.ToString(), await Grains.StockRange(shard).GetAsync());
    }
}
