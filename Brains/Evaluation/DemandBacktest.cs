using System.Diagnostics;
using System.Globalization;

using Tandem.Brains.Forecasting;
using Tandem.Brains.Recommendations;

namespace Tandem.Brains.Evaluation;

/// <summary>
/// A rolling-origin backtest of demand forecasts: from each origin (the last one a horizon before the data ends, the
/// others a horizon apart before it) every series that sold in the 91 days up to it is forecast by Tandem (trained on
/// what was known that day) and by the baselines, and scored on the horizon's actual days. Accuracy: mean MASE over the
/// series, and a WRMSSE-style score (RMSSE weighted by each series' revenue share of the 28 days before the origin,
/// averaged over four levels: total, location, item, item × location). Safety stock: for each series a lead time is
/// drawn from the simulated supplier, and the reorder points of the Monte-Carlo simulation and of z·σ·√L are checked
/// against the demand that came over it.
/// </summary>
public static class DemandBacktest
{
    public const string SeasonalNaive = "seasonal naive";
    public const string Smoothing = "exponential smoothing";
    public const string Tandem = "Tandem (model + stage blend)";
    public const string ModelOnly = "global model alone";
    public const string FallbackOnly = "stage fallback alone";
    public const string WithoutWeather = "Tandem without weather";

    public static BacktestReport Run(DemandPanel panel, BacktestOptions options)
    {
        var origins = Enumerable.Range(1, options.Origins).Select(k => panel.Days - 1 - (k * options.Forecast.Horizon)).Where(o => o - options.Forecast.Horizon >= 28).Reverse().ToList();
        if (origins.Count == 0)
        {
            throw new ArgumentException($"{panel.Days} days are too few for a backtest of {options.Forecast.Horizon} days.", nameof(panel));
        }

        var withWeather = panel.Signals.Has(DemandSignal.Temperature);
        var plain = withWeather ? new DemandPanel(panel.Calendar, panel.Series, new SignalHistory(panel.Days)) : panel;
        var leadRandom = new Random(options.Seed);
        var observedLeadTimes = SupplierLeadTimes.Observed(30, leadRandom);
        var report = new BacktestReport(observedLeadTimes, withWeather);
        foreach (var origin in origins)
        {
            var clock = Stopwatch.StartNew();
            var forecaster = DemandForecaster.Train(panel, origin, options.Forecast);
            var trained = clock.Elapsed;
            var forecasts = forecaster.ForecastAll().ToDictionary(f => f.Key, StringComparer.Ordinal);
            var without = withWeather ? DemandForecaster.Train(plain, origin, options.Forecast).ForecastAll().ToDictionary(f => f.Key, StringComparer.Ordinal) : null;
            var features = new DemandFeatures(panel);
            var rows = new List<BacktestSeries>();
            foreach (var state in features.Active(origin, options.Forecast.ActiveDays))
            {
                var forecast = forecasts[state.Series.Key];
                var horizon = options.Forecast.Horizon;
                var actual = Enumerable.Range(origin + 1, horizon).Select(d => state.Series.Units[d]).ToArray();
                var open = Enumerable.Range(origin + 1, horizon).Select(d => panel.Calendar.IsOpen(d, origin)).ToArray();
                var models = new Dictionary<string, double[]>(StringComparer.Ordinal)
                {
                    [SeasonalNaive] = Naive(panel, state.Series, origin, open),
                    [Smoothing] = [.. open.Select(o => o ? state.Ses : 0)],
                    [Tandem] = forecast.Mean,
                    [ModelOnly] = forecast.Model,
                    [FallbackOnly] = forecast.Fallback,
                };
                if (without is not null)
                {
                    models[WithoutWeather] = without[state.Series.Key].Mean;
                }

                rows.Add(new BacktestSeries(state, forecast, actual, models, state.Series.RevenueBetween(origin - 27, origin + 1)));
            }

            var stock = SafetyStock(rows, observedLeadTimes, options, origin);
            report.Add(new BacktestOrigin(panel.Calendar.Date(origin), origin, rows, forecaster.ModelWeights, forecaster.Model?.Rows ?? 0, trained, stock), panel);
        }

        return report;
    }

    private static double[] Naive(DemandPanel panel, DemandSeries series, int origin, bool[] open)
    {
        var forecast = new double[open.Length];
        for (var i = 0; i < open.Length; i++)
        {
            if (!open[i])
            {
                continue;
            }

            for (var back = origin + 1 + i - 7; back >= 0; back -= 7)
            {
                if (back <= origin && panel.Calendar.IsOpen(back, origin))
                {
                    forecast[i] = series.Units[back];
                    break;
                }
            }
        }

        return forecast;
    }

    private static List<StockCheck> SafetyStock(List<BacktestSeries> rows, IReadOnlyList<int> observed, BacktestOptions options, int origin)
    {
        var meanLead = observed.Average();
        var checks = new List<StockCheck>(rows.Count);
        var simulation = Stopwatch.StartNew();
        foreach (var row in rows)
        {
            var seed = Fnv1a.Of(string.Create(CultureInfo.InvariantCulture, $"{options.Seed}|{origin}|{row.State.Series.Key}")); // the same draws in every run
            var lead = SupplierLeadTimes.Draw(new Random(seed));
            var came = row.Actual.Take(lead).Sum();
            var demand = LeadTimeDemand.Simulate(row.Forecast, observed, options.Paths, new Random(seed + 1));
            var simulated = demand.ReorderPoint(options.ServiceLevel);
            var days = (int)Math.Round(meanLead);
            var normal = LeadTimeDemand.NormalReorderPoint(row.Forecast.Total(days) / days, row.State.Deviation(60), meanLead, options.ServiceLevel);
            checks.Add(new StockCheck(row.State.Stage, came, demand.Expected, simulated, normal));
        }

        if (checks.Count > 0)
        {
            checks[0] = checks[0] with { MillisecondsPerSeries = simulation.Elapsed.TotalMilliseconds / checks.Count };
        }

        return checks;
    }
}
