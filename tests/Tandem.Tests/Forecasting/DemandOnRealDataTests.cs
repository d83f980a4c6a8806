using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Data;
using Tandem.Brains.Forecasting;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Forecasting;

public sealed class DemandOnRealDataTests
{
    [Fact]
    public void UCI_Online_Retail_reads_as_item_by_country_series_on_a_calendar_closed_on_Saturdays_and_bank_holidays()
    {
        var panel = OnlineRetailDemand.Read(SharedData.Folder("uci_online_retail"));
        var calendar = panel.Calendar;
        var last = panel.Days - 1;

        Assert.Equal(new DateOnly(2010, 12, 1), calendar.Start);
        Assert.Equal(15_010, panel.Series.Count);
        Assert.Equal(219, calendar.OpenDays(0, panel.Days, last));
        Assert.False(calendar.IsOpen(new DateOnly(2011, 8, 29).DayNumber - calendar.Start.DayNumber, last));
        Assert.Equal(274, panel.Days);
        // Predicted from what was known at the end of July: Saturdays and the August bank holiday closed.
        var july = new DateOnly(2011, 7, 31).DayNumber - calendar.Start.DayNumber;
        Assert.Equal(
            Enumerable.Range(july + 1, 31).Select(d => calendar.IsOpen(d, july)).ToArray(),
            Enumerable.Range(july + 1, 31).Select(d => calendar.IsOpen(d, last)).ToArray());
    }

    [Fact]
    public void On_the_UK_s_busiest_items_the_forecaster_beats_seasonal_naive_and_its_reorder_points_cover_most_lead_times()
    {
        var full = OnlineRetailDemand.Read(SharedData.Folder("uci_online_retail"));
        var busiest = full.Series.Where(s => s.Location == "United Kingdom").OrderByDescending(s => s.UnitsBetween(0, full.Days - 28)).Take(400).ToList();
        var panel = new DemandPanel(full.Calendar, busiest, new SignalHistory(full.Days));

        var report = DemandBacktest.Run(panel, new BacktestOptions { Origins = 1, Paths = 2_000, Forecast = new ForecastOptions { TrainingOrigins = 8, Trees = 100, LearningRate = 0.1 } });

        var tandem = report.Mase(DemandBacktest.Tandem).Mase;
        Assert.True(tandem < 0.9 * report.Mase(DemandBacktest.SeasonalNaive).Mase, $"Tandem {tandem}, seasonal naive {report.Mase(DemandBacktest.SeasonalNaive).Mase}");
        Assert.True(report.Wrmsse(DemandBacktest.Tandem) < report.Wrmsse(DemandBacktest.SeasonalNaive), $"WRMSSE Tandem {report.Wrmsse(DemandBacktest.Tandem)}, seasonal naive {report.Wrmsse(DemandBacktest.SeasonalNaive)}");
        Assert.InRange(report.Stock().Simulated, 0.9, 1);
    }
}
