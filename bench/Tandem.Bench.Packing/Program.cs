using System.Globalization;
using System.Text.Json;

using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Packing;
using Tandem.Hosting.Demo;

// dotnet run -c Release --project bench/Tandem.Bench.Packing -- [--seed 1] [--most 3]
// Plans boxes for each of the demo city's 1,500 past baskets (its products' sizes, weights, fragile and this-side-up
// flags, the default box catalogue), every line 1 to --most units (seeded), with the packing service's planner as
// served (block packer; first fit decreasing, the baseline, in the same plan and kept where it takes less box volume), no cache. Prints box volume against
// first fit, the fill, boxes per order and the time per order (the block packer's search), then one JSON line.
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal) && p.i + 1 < args.Length)
    .ToDictionary(p => p.a[2..], p => int.Parse(args[p.i + 1], CultureInfo.InvariantCulture));
var (seed, most) = (options.GetValueOrDefault("seed", 1), options.GetValueOrDefault("most", 3));
var city = new DemoCity(seed);
var products = city.Products.ToDictionary(p => p.Sku, StringComparer.Ordinal);
var random = new Random(seed);
var settings = new PackingOptions();
var now = DateTimeOffset.UnixEpoch;
var warm = PackingPlanner.Plan(settings, products, [new OrderLineRequest { Sku = city.Products[0].Sku, Quantity = 1 }], now);
var plans = city.History.Select(b => PackingPlanner.Plan(settings, products, [.. b.Skus.Select(s => new OrderLineRequest { Sku = s, Quantity = random.Next(1, most + 1) })], now)).ToList();
var boxes = plans.Sum(p => p.BoxLitres);
var baseline = plans.Sum(p => p.BaselineLitres);
var goods = plans.Sum(p => p.ItemLitres);
var times = plans.Select(p => p.Milliseconds).Order().ToList();
double Quantile(double q) => times[Math.Min(times.Count - 1, (int)Math.Floor(q * times.Count))];
var smaller = plans.Count(p => p.BoxLitres < p.BaselineLitres - 1e-9);
var larger = plans.Count(p => p.BoxLitres > p.BaselineLitres + 1e-9);
var unboxed = plans.Sum(p => p.Unboxed.Sum(u => u.Quantity));
var firstFitKept = plans.Count(p => p.Algorithm.StartsWith("first fit", StringComparison.Ordinal));

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{plans.Count} baskets of the demo city (seed {seed}), 1–{most} units a line, {plans.Sum(p => p.Parcels.Sum(b => b.Items.Count))} units boxed, {unboxed} unboxed; boxes {string.Join(", ", settings.Catalogue.Select(b => b.Id))}"));
Console.WriteLine("| packer | box volume (l) | fill | boxes per order | orders in less box volume / more | ms per order p50 / p95 / max |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| first fit decreasing | {baseline:F0} | {goods / baseline:P1} | {plans.Average(p => p.BaselineBoxes.Count):F2} | – | – |"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| packing service ({plans.Count - firstFitKept} block plans, {firstFitKept} first fit where smaller) | {boxes:F0} ({(boxes / baseline) - 1:+0.0 %;-0.0 %}) | {goods / boxes:P1} | {plans.Average(p => p.Parcels.Count):F2} | {smaller} / {larger} | {Quantile(0.5):F1} / {Quantile(0.95):F1} / {times[^1]:F1} |"));
Console.WriteLine(JsonSerializer.Serialize(new
{
    bench = "packing",
    seed,
    orders = plans.Count,
    mostPerLine = most,
    boxLitres = Math.Round(boxes, 1),
    baselineLitres = Math.Round(baseline, 1),
    saving = Math.Round(1 - (boxes / baseline), 4),
    fill = Math.Round(goods / boxes, 4),
    baselineFill = Math.Round(goods / baseline, 4),
    boxesPerOrder = Math.Round(plans.Average(p => p.Parcels.Count), 3),
    baselineBoxesPerOrder = Math.Round(plans.Average(p => p.BaselineBoxes.Count), 3),
    smaller,
    larger,
    firstFitKept,
    msP50 = Quantile(0.5),
    msP95 = Quantile(0.95),
    msMax = times[^1],
    warmUpMs = warm.Milliseconds,
}));
