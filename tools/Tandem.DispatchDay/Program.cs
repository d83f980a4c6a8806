using System.Globalization;
using System.Text.Json;

using Tandem.DispatchDay;
using Tandem.Grains.Dispatch;

// dotnet run -c Release --project tools/Tandem.DispatchDay -- [--seed 1] [--couriers 30] [--opens 10] [--closes 22]
//   [--off-peak 30] [--lunch-peak 90] [--dinner-peak 110] [--rain-from 17.5] [--rain-hours 2] [--policies both|nearest-idle|least-cost]
// One seeded day of deliveries through the real grains, once with the nearest-idle baseline and once with Tandem's
// least-cost windows, on the same orders, couriers and answers. Prints a table and one JSON line.
DayOptions options;
try
{
    options = DayOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var plan = DayPlan.Make(options);
Console.Error.WriteLine($"Seed {options.Seed}: {plan.Orders.Count} orders from {options.OpensAt}:00 to {options.ClosesAt}:00, {plan.Couriers.Count} couriers.");
var policies = options.Policies switch
{
    "nearest-idle" => [DispatchPolicy.NearestIdle],
    "least-cost" => [DispatchPolicy.LeastCost],
    _ => new[] { DispatchPolicy.NearestIdle, DispatchPolicy.LeastCost },
};
var results = new List<DayResult>();
foreach (var policy in policies)
{
    var result = await new DaySimulation(options, plan, policy).RunAsync(CancellationToken.None);
    Console.Error.WriteLine($"{result.Policy}: {result.All.Delivered}/{result.All.Orders} delivered, {result.WallSeconds} s.");
    results.Add(result);
}

Console.WriteLine("| policy | orders | delivered | mean min | p95 min | on time % | peak orders | peak mean min | peak p95 min | peak on time % | wait for courier min (peak) | packed to collected min (peak) | batched % | courier busy % | km | km per order | offers |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Policy} | {r.All.Orders} | {r.All.Delivered} | {r.All.MeanMinutes:F1} | {r.All.P95Minutes:F1} | {r.All.OnTimePercent:F1} | {r.Peak.Orders} | {r.Peak.MeanMinutes:F1} | {r.Peak.P95Minutes:F1} | {r.Peak.OnTimePercent:F1} | {r.All.MeanWaitForCourierMinutes:F1} ({r.Peak.MeanWaitForCourierMinutes:F1}) | {r.All.MeanPackedToCollectedMinutes:F1} ({r.Peak.MeanPackedToCollectedMinutes:F1}) | {r.All.BatchedPercent:F1} | {r.UtilisationPercent:F1} | {r.Km:F0} | {r.KmPerOrder:F2} | {r.Offers} |"));
}

var baseline = results.FirstOrDefault(r => r.Policy == "nearest-idle");
var tandem = results.FirstOrDefault(r => r.Policy == "least-cost");
double? Change(Func<DayResult, double> figure) =>
    baseline is null || tandem is null || figure(baseline) == 0 ? null : Math.Round(100 * (figure(tandem) - figure(baseline)) / figure(baseline), 1);
if (baseline is not null && tandem is not null)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Peak mean delivery {Change(r => r.Peak.MeanMinutes):+0.0;-0.0} % against nearest-idle (target -15 %), peak on time {tandem.Peak.OnTimePercent:F1} % vs {baseline.Peak.OnTimePercent:F1} %; overall mean {Change(r => r.All.MeanMinutes):+0.0;-0.0} %."));
}

Console.WriteLine(JsonSerializer.Serialize(new
{
    simulation = "dispatch-day",
    seed = options.Seed,
    couriers = options.Couriers,
    orders = plan.Orders.Count,
    peakMeanChangePercent = Change(r => r.Peak.MeanMinutes),
    meanChangePercent = Change(r => r.All.MeanMinutes),
    results = results.Select(r => new
    {
        policy = r.Policy, all = r.All, peak = r.Peak, utilisationPercent = r.UtilisationPercent, km = r.Km, kmPerOrder = r.KmPerOrder, offers = r.Offers, wallSeconds = r.WallSeconds,
    }),
}));
return 0;
