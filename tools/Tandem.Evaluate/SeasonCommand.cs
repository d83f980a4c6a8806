using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

using Tandem.Brains.Evaluation;
using Tandem.Brains.Evaluation.Data;
using Tandem.Brains.Forecasting;

namespace Tandem.Evaluate;

/// <summary>
/// A simulated season on UCI Online Retail's daily item × country demand (each series a store cell): stock-out rate and
/// inventory turnover with Tandem's replenishment suggestions applied (weekly and daily) against no replenishment and
/// against the textbook weekly order-up-to rule.
/// </summary>
internal static class SeasonCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }; // policy names as written
    public static int Run(Arguments args)
    {
        var panel = OnlineRetailDemand.Read(args.Folder);
        var weather = args.Text("weather", "");
        if (weather.Length > 0)
        {
            DailyWeather.Apply(weather, panel.Calendar, panel.Signals);
        }

        var options = new SeasonOptions
        {
            Weeks = args.Number("weeks", 13),
            RetrainEvery = args.Number("retrain-days", 28),
            OpeningDays = args.Number("opening-days", 14),
            ServiceLevels = [.. args.Text("service-levels", "80,90,95,98").Split(',').Select(l => int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) && level is > 50 and < 100 ? level / 100.0 : throw new ArgumentException($"--service-levels takes percentages between 50 and 100, not \"{l}\"."))],
            Paths = args.Number("paths", 10_000),
            Seed = args.Number("seed", 1),
            Forecast = new ForecastOptions { TrainingOrigins = args.Number("training-weeks", 16) },
        };
        var report = SupplySeason.Run(panel, options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Simulated season, UCI Online Retail {report.First:yyyy-MM-dd} … {report.Last:yyyy-MM-dd} ({options.Weeks} weeks): {report.Cells:N0} item × country cells that sold in the 91 days before or during it, each opening with {options.OpeningDays} days of its last four weeks' mean ({report.Opening:N0} units in all); demand is each day's actual sales, what a cell cannot serve is lost."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Moves arrive after a lead time drawn from the simulated supplier (the policies know its {report.ObservedLeadTimes.Count} observed lead times, mean {report.ObservedLeadTimes.Average():0.0} days); target cycle service levels {string.Join(", ", options.ServiceLevels.Select(l => l.ToString("P0", CultureInfo.InvariantCulture)))}; {(weather.Length > 0 ? "weather (stand-in) as a signal" : "no weather")}; model trained every {options.RetrainEvery} days ({report.Training.TotalSeconds:F0} s), forecasts and {options.Paths:N0}-path reorder points every week ({report.Simulation.TotalSeconds:F0} s)."));
        Console.WriteLine();
        Console.WriteLine("| policy | demand | sold | lost | stock-out rate (units) | short cell-days | average stock | turnover / year | units ordered | orders | closing stock | on order at end |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in report.Policies)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {p.Policy} | {p.Demand:N0} | {p.Sold:N0} | {p.Lost:N0} | {p.StockOutRate:P1} | {p.ShortDayRate:P1} | {p.AverageStock:N0} | {p.Turnover:F1} | {p.Ordered:N0} | {p.Orders:N0} | {p.Closing:N0} | {p.OnOrderAtEnd:N0} |"));
        }

        var atEqualStock = EqualStock(report);
        Console.WriteLine();
        Console.WriteLine("At equal stock (each order-up-to level's average stock; Tandem's stock-out rate read off the line through its service levels):");
        Console.WriteLine("| order-up-to at | average stock | turnover / year | stock-out rate: order-up-to | Tandem weekly | Tandem daily |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in atEqualStock)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Level:P0} | {row.Stock:N0} | {row.Turnover:F1} | {row.Rule:P1} | {Rate(row.Weekly)} | {Rate(row.Daily)} |"));
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            evaluation = "supply-season-uci",
            setup = new
            {
                first = report.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                last = report.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                weeks = options.Weeks,
                cells = report.Cells,
                opening = report.Opening,
                serviceLevels = options.ServiceLevels,
                paths = options.Paths,
                retrainDays = options.RetrainEvery,
                weather = weather.Length > 0,
                observedLeadTimes = report.ObservedLeadTimes,
            },
            policies = report.Policies.Select(p => new
            {
                policy = p.Kind,
                serviceLevel = p.ServiceLevel,
                demand = p.Demand,
                sold = p.Sold,
                lost = p.Lost,
                stockOutRate = Math.Round(p.StockOutRate, 4),
                shortDayRate = Math.Round(p.ShortDayRate, 4),
                averageStock = Math.Round(p.AverageStock, 1),
                turnover = Math.Round(p.Turnover, 2),
                ordered = p.Ordered,
                orders = p.Orders,
                closing = p.Closing,
                onOrderAtEnd = p.OnOrderAtEnd,
            }),
            atEqualStock = atEqualStock.Select(r => new { serviceLevel = r.Level, averageStock = Math.Round(r.Stock, 1), orderUpTo = Math.Round(r.Rule, 4), tandemWeekly = Round(r.Weekly), tandemDaily = Round(r.Daily) }),
            seconds = Math.Round(report.Elapsed.TotalSeconds, 1),
        }, Json));
        return 0;
    }

    private static List<(double Level, double Stock, double Turnover, double Rule, double? Weekly, double? Daily)> EqualStock(SeasonReport report) =>
        [.. report.Policies.Where(p => p.Kind == SupplySeason.OrderUpTo).Select(p => (p.ServiceLevel!.Value, p.AverageStock, p.Turnover, p.StockOutRate,
            report.StockOutRateAt(SupplySeason.TandemWeekly, p.AverageStock), report.StockOutRateAt(SupplySeason.TandemDaily, p.AverageStock)))];

    private static string Rate(double? rate) => rate?.ToString("P1", CultureInfo.InvariantCulture) ?? "outside its range";

    private static double? Round(double? rate) => rate is { } r ? Math.Round(r, 4) : null;
}
