using Tandem.Brains.Forecasting;
using Tandem.Contracts.Inventory;
using Tandem.Grains.Forecasts.Signals;
using Tandem.Hosting.Demo;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Forecasting;

/// <summary>
/// Made-up data is the same for the same seed in every process (a test process's hashes of strings differ from another's,
/// so these figures, taken once, would not repeat if a draw were seeded by one).
/// </summary>
public sealed class SeededDataTests
{
    [Fact]
    public void The_demo_city_s_past_sales_of_a_cell_are_the_same_in_every_process()
    {
        var product = TestData.Product("KIT-0001", price: 12.5m);
        var days = DemoDemand.For(new DemoStock("KIT-0001", "st-camden", 10, new Bin { Aisle = "1", Shelf = "1" }), product, 120, new DateOnly(2026, 12, 1), 20261124);

        Assert.Equal((102, 217), (days.Count, days.Sum(d => d.Units)));
    }

    [Fact]
    public async Task The_simulated_signals_of_a_day_are_the_same_in_every_process()
    {
        var readings = await new SimulatedSignalSource(20261201).ReadAsync(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 30), TestContext.Current.CancellationToken);

        var weather = readings.Where(r => r.Signal is DemandSignal.Temperature or DemandSignal.Precipitation).Select(r => r.Value).ToList();

        Assert.Equal(2, weather.Count);
        Assert.Equal(6, weather[0], 9);
        Assert.Equal(1.9, weather[1], 9);
    }
}
