using Tandem.Contracts.Kpis;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Kpis;

/// <summary>The stock census counts by itself, on its timer, once a cell has joined it: nobody asks for a census here.</summary>
public sealed class StockCensusTimerTests(SweepingClusterFixture fixture) : IClassFixture<SweepingClusterFixture>
{
    [Fact]
    public async Task A_stocked_cell_s_region_gets_its_census_without_anyone_asking()
    {
        var store = TestData.RemoteStore("t-census-truro", "Test store Truro", 50.2632, -5.0510);
        var region = new Grains.Dispatch.DispatchOptions().ZoneOf(store.Position);
        await TestData.StockedAtAsync(fixture.Grains, store, 7);

        var report = await Await.UntilAsync(
            async () => await fixture.Grains.Kpi(region).GetAsync(KpiWindow.Minutes15) is { } r && r.Counts.ContainsKey("stockLevel") ? r : null,
            SweepingClusterFixture.CensusEvery * 15);
        var census = await fixture.Grains.StockCensus().GetLastAsync();

        Assert.Equal(7.0, report.Indicators.Single(i => i.Name == "inventoryTurnover").Denominator); // 7 units on hand at every count
        Assert.Equal(0.0, report.Indicators.Single(i => i.Name == "stockOutRate").Value);
        Assert.Equal(new StockCount { Region = region, Cells = 1, OutOfStock = 0, Units = 7 }, census!.Regions.Single(r => r.Region == region));
    }
}
