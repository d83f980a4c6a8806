using Tandem.Brains.Evaluation;
using Tandem.Brains.Forecasting;

namespace Tandem.Tests.Supply;

/// <summary>The simulated season keeps exact books for every policy, replays the same season the same way, and restocking on forecasts serves what standing still cannot.</summary>
public sealed class SupplySeasonTests
{
    private const int Days = 196;
    private const int Weeks = 4;

    private static readonly SeasonOptions Options = new()
    {
        Weeks = Weeks,
        Paths = 2_000,
        Forecast = new ForecastOptions { TrainingOrigins = 4, Trees = 40, LearningRate = 0.1, MinimumLeafRows = 20 },
    };

    [Fact]
    public void Every_policy_keeps_exact_books_no_replenishment_sells_only_its_opening_stock_and_forecast_restocking_serves_far_more()
    {
        var panel = Panel();
        var start = Days - (7 * Weeks);

        var report = SupplySeason.Run(panel, Options);
        var again = SupplySeason.Run(panel, Options);

        var opening = panel.Series.Select(s => (int)Math.Ceiling(14 * s.UnitsBetween(start - 28, start) / 28)).ToList();
        var seasonDemand = panel.Series.Select(s => (int)s.UnitsBetween(start, Days)).ToList();
        Assert.Equal(panel.Series.Count, report.Cells);
        Assert.Equal(opening.Sum(), report.Opening);
        Assert.Equal(1 + (3 * Options.ServiceLevels.Count), report.Policies.Count);
        Assert.All(report.Policies, p =>
        {
            Assert.Equal(seasonDemand.Sum(), p.Demand);
            Assert.Equal(p.Closing, report.Opening + p.Ordered - p.OnOrderAtEnd - p.Sold); // every unit accounted for
        });
        var none = report[SupplySeason.None];
        Assert.Equal(opening.Zip(seasonDemand, Math.Min).Sum(), none.Sold);
        Assert.Equal((0, 0L), (none.Orders, none.Ordered));
        var daily = report[SupplySeason.TandemDaily, 0.95];
        Assert.True(daily.StockOutRate < none.StockOutRate / 3, $"Tandem daily {daily.StockOutRate:P1}, none {none.StockOutRate:P1}");
        Assert.True(report[SupplySeason.TandemDaily, 0.98].AverageStock > report[SupplySeason.TandemDaily, 0.8].AverageStock);
        Assert.Equal(
            report.Policies.Select(p => (p.Policy, p.Sold, p.Ordered, p.Orders, p.Closing)),
            again.Policies.Select(p => (p.Policy, p.Sold, p.Ordered, p.Orders, p.Closing)));
    }

    // 30 cells over 28 weeks, every day open: steady ones sell 3–5 a day, intermittent ones 6 every fourth day, weekly ones 8 on Fridays.
    private static DemandPanel Panel()
    {
        var series = new List<DemandSeries>();
        for (var cell = 0; cell < 30; cell++)
        {
            var units = Enumerable.Range(0, Days).Select(d => (double)((cell % 3) switch
            {
                0 => 3 + ((d + cell) % 3),
                1 => (d + cell) % 4 == 0 ? 6 : 0,
                _ => d % 7 == 4 ? 8 : 0,
            })).ToList();
            series.Add(new DemandSeries($"item{cell}", cell < 15 ? "north" : "south", $"family{cell % 3}", units, [.. units.Select(u => u * 2)]));
        }

        return new DemandPanel(ShopCalendar.EveryDay(new DateOnly(2026, 1, 5), Days), series, new SignalHistory(Days));
    }
}
