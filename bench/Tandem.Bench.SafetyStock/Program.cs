using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using Tandem.Brains.Forecasting;

// dotnet run -c Release --project bench/Tandem.Bench.SafetyStock -- [--cells 2000] [--paths 10000] [--pool 300] [--lead-times 60] [--seed 1]
// Times one SKU-location's reorder point: LeadTimeDemand.Simulate (the paths drawn and sorted) and the 95 % reorder point
// with the stock-out risk of its current stock, for each of --cells cells. Each cell has its own 28-day forecast and a
// residual pool of --pool held-out paths (as the forecaster learns them: mostly-zero daily sales around the forecast),
// and the supplier's --lead-times observed lead times; the first 50 cells warm up and are not counted. Prints a table
// and one JSON line.
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal) && p.i + 1 < args.Length)
    .ToDictionary(p => p.a[2..], p => int.Parse(args[p.i + 1], CultureInfo.InvariantCulture));
var (cells, paths, poolSize, leadCount, seed) = (options.GetValueOrDefault("cells", 2000), options.GetValueOrDefault("paths", 10_000), options.GetValueOrDefault("pool", 300), options.GetValueOrDefault("lead-times", 60), options.GetValueOrDefault("seed", 1));
const int warmup = 50;
var random = new Random(seed);
var leadTimes = Enumerable.Range(0, leadCount).Select(_ => Math.Clamp((int)Math.Round(6 * Math.Exp(0.35 * Normal(random))), 2, 21)).ToList();
var times = new List<double>();
var points = 0.0;
for (var c = 0; c < warmup + cells; c++)
{
    var level = Math.Exp(random.NextDouble() * 4) / 4;
    var mean = Enumerable.Range(0, 28).Select(d => d % 7 == 5 ? 0 : level * (0.7 + (0.6 * random.NextDouble()))).ToArray();
    var pool = new ResidualPool([.. Enumerable.Range(0, poolSize).Select(_ =>
    {
        var forecast = Enumerable.Range(0, 28).Select(_ => level).ToArray();
        var actual = forecast.Select(f => random.NextDouble() < Math.Min(0.9, f) ? Math.Round(f / Math.Min(0.9, f) * (0.5 + random.NextDouble())) : 0).ToArray();
        return (forecast, actual);
    })]);
    var cell = new SeriesForecast
    {
        Key = $"{c}@bench",
        Origin = 0,
        Stage = LifecycleStage.Intermittent,
        Mean = mean,
        Model = mean,
        Fallback = mean,
        ModelWeight = 1,
        Quantiles = new Dictionary<double, double[]>(),
        Residuals = pool,
    };
    var clock = Stopwatch.StartNew();
    var demand = LeadTimeDemand.Simulate(cell, leadTimes, paths, new Random(seed + c));
    var point = demand.ReorderPoint(0.95);
    var risk = demand.StockOutRisk(point / 2);
    var ms = clock.Elapsed.TotalMilliseconds;
    if (c >= warmup)
    {
        times.Add(ms);
        points += point + risk;
    }
}

times.Sort();
double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
Console.WriteLine("| cells | paths per cell | residual paths per cell | observed lead times | p50 ms | p99 ms | max ms | cells per second |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cells} | {paths:N0} | {poolSize} | {leadCount} | {At(0.5):F2} | {At(0.99):F2} | {times[^1]:F2} | {1000 * cells / times.Sum():F0} |"));
Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "safety-stock-monte-carlo", cells, paths, residualPaths = poolSize, leadTimes = leadCount, p50 = Math.Round(At(0.5), 3), p99 = Math.Round(At(0.99), 3), max = Math.Round(times[^1], 3), cellsPerSecond = Math.Round(1000 * cells / times.Sum()), checksum = Math.Round(points, 1) }));

static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
