using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Data;
using Tandem.Brains.Forecasting;

namespace Tandem.Evaluate;

/// <summary>
/// Demand forecasts and safety stock on UCI Online Retail's daily item × country demand: a rolling-origin backtest (28-day
/// horizon) of Tandem's forecaster against seasonal naive and exponential smoothing, overall and per lifecycle stage, with
/// the NOAA weather as a stand-in signal (and Tandem without it, to show whether it helps); then the Monte-Carlo reorder
/// points against z·σ·√L.
/// </summary>
internal static class ForecastCommand
{
    public static int Run(Arguments args)
    {
        var clock = Stopwatch.StartNew();
        var panel = OnlineRetailDemand.Read(args.Folder);
        var weather = args.Text("weather", "");
        var shift = (Years: 0, Days: 0);
        if (weather.Length > 0)
        {
            shift = DailyWeather.Apply(weather, panel.Calendar, panel.Signals);
        }

        var options = new BacktestOptions
        {
            Origins = args.Number("origins", 3),
            Forecast = new ForecastOptions { Horizon = args.Number("horizon", 28), TrainingOrigins = args.Number("training-weeks", 16) },
            ServiceLevel = args.Number("service-level", 95) / 100.0,
            Paths = args.Number("paths", 10_000),
            Seed = args.Number("seed", 1),
        };
        var (first, last) = (panel.Calendar.Start, panel.Calendar.Date(panel.Days - 1));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Demand forecast, UCI Online Retail {first:yyyy-MM-dd} … {last:yyyy-MM-dd}: {panel.Series.Count:N0} item × country series; {options.Origins} origins a {options.Forecast.Horizon}-day horizon apart, the last {options.Forecast.Horizon} days before the end"));
        Console.WriteLine(weather.Length == 0
            ? "Weather: none given (--weather <vega_weather folder>)."
            : $"Weather (stand-in, not the shop's place or years): {DailyWeather.File} shifted by {shift.Years} years, {shift.Days} of {panel.Days} days with a reading; only the week before each origin is used.");
        Console.WriteLine("Sentiment and competitor price: no real data; not measured (their inputs stay empty).");
        var report = DemandBacktest.Run(panel, options);
        foreach (var origin in report.Origins)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  origin {origin.Date:yyyy-MM-dd}: trained on {origin.TrainingRows:N0} rows in {origin.Training.TotalSeconds:F0} s; model weight per stage {string.Join(", ", origin.ModelWeights.OrderBy(w => w.Key).Select(w => $"{w.Key} {w.Value:0.##}"))}"));
        }

        var stages = Enum.GetValues<LifecycleStage>();
        var naive = report.Mase(DemandBacktest.SeasonalNaive).Mase;
        Console.WriteLine();
        Console.WriteLine($"| model | MASE | vs seasonal naive | WRMSSE | {string.Join(" | ", stages.Select(s => $"MASE {s} ({report.Mase(DemandBacktest.SeasonalNaive, s).Series})"))} | {string.Join(" | ", stages.Select(s => $"WRMSSE {s}"))} |");
        Console.WriteLine($"|---|---:|---:|---:|{string.Concat(stages.Select(_ => "---:|"))}{string.Concat(stages.Select(_ => "---:|"))}");
        foreach (var model in report.Models)
        {
            var (mase, _) = report.Mase(model);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {model} | {mase:F3} | {(mase / naive) - 1:+0.0%;-0.0%} | {report.Wrmsse(model):F3} | {string.Join(" | ", stages.Select(s => report.Mase(model, s).Mase.ToString("F3", CultureInfo.InvariantCulture)))} | {string.Join(" | ", stages.Select(s => report.Wrmsse(model, s).ToString("F3", CultureInfo.InvariantCulture)))} |"));
        }

        var coverage = report.Coverage();
        Console.WriteLine();
        Console.WriteLine($"Quantiles (share of forecast trading days below … at or below; whole units, mostly zero, so a calibrated level lies between): {string.Join(", ", coverage.OrderBy(c => c.Key).Select(c => string.Create(CultureInfo.InvariantCulture, $"q{c.Key * 100:0} {c.Value.Under:P1} … {c.Value.Below:P1}")))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Safety stock, target cycle service level {options.ServiceLevel:P0}; lead times from a simulated supplier (observed {string.Join(",", report.ObservedLeadTimes)} days); {options.Paths:N0} paths per series, {report.SimulationMilliseconds:F2} ms per series"));
        Console.WriteLine("| stage | series | achieved: Monte Carlo | achieved: z·σ·√L | mean reorder point: Monte Carlo | mean reorder point: z·σ·√L |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var stage in stages.Cast<LifecycleStage?>().Append(null))
        {
            var s = report.Stock(stage);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(stage?.ToString() ?? "all")} | {s.Series} | {s.Simulated:P1} | {s.Normal:P1} | {s.SimulatedStock:F1} | {s.NormalStock:F1} |"));
        }

        var tandem = report.Mase(DemandBacktest.Tandem).Mase;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            evaluation = "demand-forecast-uci",
            setup = new { first = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), origins = report.Origins.Select(o => o.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), horizon = options.Forecast.Horizon, weather = report.Weather, weatherStandIn = true, sentimentMeasured = false, competitorPriceMeasured = false },
            models = report.Models.Select(m => new
            {
                model = m,
                mase = Math.Round(report.Mase(m).Mase, 4),
                wrmsse = Math.Round(report.Wrmsse(m), 4),
                stages = stages.ToDictionary(s => s.ToString(), s => new { mase = Math.Round(report.Mase(m, s).Mase, 4), wrmsse = Math.Round(report.Wrmsse(m, s), 4), series = report.Mase(m, s).Series }),
            }),
            tandemVsSeasonalNaive = Math.Round((tandem / naive) - 1, 4),
            quantileCoverage = coverage.ToDictionary(c => c.Key.ToString(CultureInfo.InvariantCulture), c => new { below = Math.Round(c.Value.Under, 4), atOrBelow = Math.Round(c.Value.Below, 4) }),
            safetyStock = new
            {
                serviceLevel = options.ServiceLevel,
                paths = options.Paths,
                millisecondsPerSeries = Math.Round(report.SimulationMilliseconds, 3),
                stages = stages.Cast<LifecycleStage?>().Append(null).ToDictionary(s => s?.ToString() ?? "all", s => report.Stock(s) is var k ? new { series = k.Series, monteCarlo = Math.Round(k.Simulated, 4), normal = Math.Round(k.Normal, 4), monteCarloReorderPoint = Math.Round(k.SimulatedStock, 2), normalReorderPoint = Math.Round(k.NormalStock, 2) } : null),
            },
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        }));
        return 0;
    }
}
