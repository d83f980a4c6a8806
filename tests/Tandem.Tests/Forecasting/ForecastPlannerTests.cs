using Tandem.Contracts.Forecasts;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Forecasting;

/// <summary>The planner forecasts the cells with demand, with quantiles, inputs and stock advice, and re-forecasts a cell whose sales moved.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ForecastPlannerTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Forty_cells_with_four_months_of_sales_get_forecasts_with_quantiles_stock_advice_and_inputs_and_a_new_sale_re_forecasts_its_cell()
    {
        var skus = await TestData.NewProductsAsync(Grains, 40);
        var today = DateOnly.FromDateTime(GrainClusterFixture.Clock.GetUtcNow().UtcDateTime);
        var cells = skus.Select(s => new CellKey(s, TestData.Camden.Id)).ToList();
        await Task.WhenAll(cells.Select(async (cell, i) =>
        {
            await Grains.Cell(cell).ReceiveAsync(5, "opening", "test");
            await Grains.Demand(cell).SeedAsync([.. Enumerable.Range(1, 120).Select(back => new DemandDay
            {
                Day = today.AddDays(-back),
                Units = Units(i, back),
                Revenue = 10m,
            })]);
            await Grains.ForecastPlanner().ChangedAsync(cell.ToString());
        }));

        var round = await Grains.ForecastPlanner().RunAsync();
        var forecasts = await Task.WhenAll(cells.Select(c => Grains.Forecast(c).GetAsync()));

        Assert.True(round.Cells >= 40, $"{round.Cells} cells in the round");
        Assert.All(forecasts, f =>
        {
            Assert.NotNull(f);
            Assert.Equal(today.AddDays(-1), f.Origin);
            Assert.Equal(Enumerable.Range(0, 28).Select(d => today.AddDays(d)), f.Days.Select(d => d.Day));
            Assert.All(f.Days, d => Assert.True(d.P10 <= d.P50 && d.P50 <= d.P90 && d.Mean >= 0, $"{f.Sku} {d.Day}"));
            Assert.Equal(5, f.Stock!.Available);
            Assert.Equal(0.95, f.Stock.ServiceLevel);
            Assert.InRange(f.Stock.StockOutRisk, 0, 1);
            Assert.True(f.Stock.ReorderPoint >= f.Stock.ExpectedLeadTimeDemand * 0.5, $"{f.Sku}: reorder point {f.Stock.ReorderPoint}, expected {f.Stock.ExpectedLeadTimeDemand}");
            Assert.False(string.IsNullOrEmpty(f.ModelVersion));
        });
        Assert.Equal(
            cells.Select((_, i) => Enumerable.Range(1, 120).Last(back => Units(i, back) > 0)),
            forecasts.Select(f => f!.HistoryDays));
        var steady = forecasts.Where((_, i) => i % 2 == 0).Select(f => f!).ToList();
        Assert.All(steady, f => Assert.Equal("mature", f.Stage));
        Assert.InRange(steady.Average(f => f.Days.Take(7).Average(d => d.Mean)), 2.4, 3.6); // 2, 3 or 4 a day
        Assert.All(forecasts.Where((_, i) => i % 2 == 1), f => Assert.Equal("intermittent", f!.Stage));

        var before = forecasts[1]!.MadeAt;
        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(15));
        await Grains.Demand(cells[0]).RecordAsync(new DemandEntry { Id = TestData.NewId("sale"), At = GrainClusterFixture.Clock.GetUtcNow(), Units = 1, Revenue = 10m });
        var next = await Grains.ForecastPlanner().RunAsync();
        var touched = await Grains.Forecast(cells[0]).GetAsync();
        var untouched = await Grains.Forecast(cells[1]).GetAsync();

        Assert.Equal(next.At, touched!.MadeAt);
        if (!next.Retrained)
        {
            Assert.Equal(before, untouched!.MadeAt);
        }
    }

    [Fact]
    public async Task Sales_keep_marking_cells_while_a_round_runs_and_the_held_round_then_finishes()
    {
        var skus = await TestData.NewProductsAsync(Grains, 2);
        var (first, second) = (new CellKey(skus[0], TestData.Camden.Id), new CellKey(skus[1], TestData.Camden.Id));
        await Grains.Demand(first).RecordAsync(new DemandEntry { Id = TestData.NewId("sale"), At = GrainClusterFixture.Clock.GetUtcNow(), Units = 1, Revenue = 10m });

        Task<ForecastRound> round;
        using (var hold = HeldSignals.Instance.Close())
        {
            round = Grains.ForecastPlanner().RunAsync();
            await Await.WithinAsync(hold.Reached, TimeSpan.FromSeconds(30), "the round to read signals");

            // A sale during the round: counted and its cell marked at once (an order's duty waits on this).
            await Await.WithinAsync(
                Grains.Demand(second).RecordAsync(new DemandEntry { Id = TestData.NewId("sale"), At = GrainClusterFixture.Clock.GetUtcNow(), Units = 1, Revenue = 10m }),
                TimeSpan.FromSeconds(10),
                "a sale to be counted while a round runs");
            var during = await Grains.ForecastPlanner().GetAsync();
            Assert.False(round.IsCompleted);
            Assert.True(during.Waiting >= 1, $"{during.Waiting} waiting");
        }

        await Await.WithinAsync(round, TimeSpan.FromSeconds(60), "the held round");
    }

    // Even cells sell 2, 3 or 4 every day; odd ones 3 units one day in four.
    private static int Units(int cell, int daysBack) => cell % 2 == 0 ? 2 + ((daysBack + cell) % 3) : (daysBack + cell) % 4 == 0 ? 3 : 0;
}
