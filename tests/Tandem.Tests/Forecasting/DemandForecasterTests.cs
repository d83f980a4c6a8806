using Tandem.Brains.Forecasting;

namespace Tandem.Tests.Forecasting;

public sealed class DemandForecasterTests
{
    private const int Cutoff = 200;

    [Fact]
    public void A_forecast_reads_nothing_after_its_cut_off_neither_sales_nor_signals()
    {
        var known = DemandForecaster.Train(SyntheticDemand.Panel(temperature: true), Cutoff, SyntheticDemand.Small).ForecastAll(explain: true);
        var altered = DemandForecaster.Train(SyntheticDemand.Panel(alteredAfter: Cutoff, temperature: true), Cutoff, SyntheticDemand.Small).ForecastAll(explain: true);

        Assert.Equal(known.Count, altered.Count);
        Assert.True(known.Count >= 45, $"{known.Count} series forecast");
        for (var i = 0; i < known.Count; i++)
        {
            Assert.Equal(known[i].Key, altered[i].Key);
            Assert.Equal(known[i].Mean, altered[i].Mean);
            Assert.Equal(known[i].Quantiles[0.9], altered[i].Quantiles[0.9]);
            Assert.Equal(known[i].SignalEffects[DemandSignal.Temperature], altered[i].SignalEffects[DemandSignal.Temperature]);
        }
    }

    [Fact]
    public void Closed_days_get_nothing_and_the_model_gives_a_steady_seller_s_Mondays_about_three_times_its_other_days()
    {
        var panel = SyntheticDemand.Panel();
        var forecaster = DemandForecaster.Train(panel, Cutoff, SyntheticDemand.Small);

        var forecast = forecaster.Forecast(panel.Series[4])!; // steady, 5 a day, 15 on Mondays
        var days = Enumerable.Range(1, 28).Select(ahead => SyntheticDemand.Start.AddDays(Cutoff + ahead).DayOfWeek).ToArray();

        Assert.Equal(LifecycleStage.Mature, forecast.Stage);
        Assert.All(Enumerable.Range(0, 28).Where(i => days[i] == DayOfWeek.Saturday), i => Assert.Equal(0, forecast.Mean[i]));
        var mondays = Enumerable.Range(0, 28).Where(i => days[i] == DayOfWeek.Monday).Average(i => forecast.Model[i]);
        var others = Enumerable.Range(0, 28).Where(i => days[i] is not (DayOfWeek.Monday or DayOfWeek.Saturday)).Average(i => forecast.Model[i]);
        Assert.InRange(others, 4, 6.5);
        Assert.InRange(mondays / others, 2, 3.8);
        // 24 trading days ahead, a week of 15 + 5 × 5 units: 160 expected.
        Assert.InRange(forecast.Mean.Sum(), 0.8 * 160, 1.2 * 160);
    }

    [Fact]
    public void Each_stage_is_told_and_every_day_s_quantiles_are_ordered()
    {
        var panel = SyntheticDemand.Panel();
        var forecasts = DemandForecaster.Train(panel, Cutoff, SyntheticDemand.Small).ForecastAll();
        var stages = forecasts.ToDictionary(f => f.Key, f => f.Stage);

        Assert.Equal(LifecycleStage.Intermittent, stages[panel.Series[1].Key]);
        Assert.Equal(LifecycleStage.New, stages[panel.Series[2].Key]);
        Assert.Equal(LifecycleStage.Declining, stages[panel.Series[7].Key]);
        Assert.All(forecasts, f =>
        {
            for (var d = 0; d < 28; d++)
            {
                Assert.True(f.Quantiles[0.1][d] <= f.Quantiles[0.5][d] && f.Quantiles[0.5][d] <= f.Quantiles[0.9][d], $"{f.Key} day {d}");
            }
        });
    }

    [Fact]
    public void A_forecast_says_which_signals_it_had_and_leaves_out_those_without_readings()
    {
        var panel = SyntheticDemand.Panel(temperature: true);
        var forecast = DemandForecaster.Train(panel, Cutoff, SyntheticDemand.Small).Forecast(panel.Series[0])!;

        Assert.Equal([DemandSignal.Temperature], forecast.SignalEffects.Keys);
        Assert.Empty(DemandForecaster.Train(SyntheticDemand.Panel(), Cutoff, SyntheticDemand.Small).Forecast(panel.Series[0])!.SignalEffects);
    }

    [Fact]
    public void A_cut_off_without_a_month_of_history_before_its_held_out_month_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DemandForecaster.Train(SyntheticDemand.Panel(), 50, SyntheticDemand.Small));
    }
}
