using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using Tandem.Brains.Experiments;
using Tandem.ExperimentTrials;

// dotnet run -c Release --project tools/Tandem.ExperimentTrials -- [--setting picks|coupon|window|level] [--trials 40]
//   [--base 0.1] [--effect 0.02] [--treatment popular] [--treatment-uplift 0.25] [--treatment-window 30]
//   [--treatment-level 0.99] [--sessions|--zones|--cells N] [--orders-per-zone|--censuses 10] [--zone-spread|--cell-spread 0.05] [--seed 1]
// Seeded A/A and A/B experiments through the real grains (assignment, exposure, the sessions', returns' or orders'
// outboxes, the tallies, the results), on the picks' strategy per session, the returns' coupon uplift per shopper, the
// dispatch window per zone (on-time deliveries compared clustered by zone) or the service level per store cell (cells in
// stock at each census compared clustered by cell): how often an A/A test is called significant
// or flags a sample-ratio mismatch, and how often the injected effect is found at the planned size (the power). Prints a
// table and one JSON line.
TrialOptions options;
try
{
    options = TrialOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

await using var simulation = new TrialSimulation(options);
await simulation.StartAsync();
var runs = new List<TrialRun>();
var watch = Stopwatch.StartNew();
foreach (var injected in new[] { false, true })
{
    for (var trial = 0; trial < options.Trials; trial++)
    {
        var run = await simulation.RunAsync(trial, injected);
        runs.Add(run);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(injected ? "A/B" : "A/A")} {trial}: {run.ControlUnits}/{run.TreatmentUnits} units, {run.ControlRate:P2} → {run.TreatmentRate:P2}, p {run.PValue:0.0000}{(run.SampleRatioMismatch ? ", SRM" : "")}{(run.UnitsMismatched > 0 ? $", {run.UnitsMismatched} of another variant" : "")}{(run.UnitsUntagged > 0 ? $", {run.UnitsUntagged} served without it" : "")} ({watch.Elapsed.TotalSeconds:0} s)"));
    }
}

var truth = new Dictionary<bool, double> { [false] = 0, [true] = options.Effect };
var coupon = options.Setting == TrialOptions.Coupon;
var window = options.Setting == TrialOptions.Window;
var level = options.Setting == TrialOptions.Level;
var (unitNames, behaviour) = options.Setting switch
{
    TrialOptions.Coupon => ("shoppers sending an item back", $"shoppers take the coupon at {options.BaseRate:P0}, or {options.BaseRate + options.Effect:P0} when offered the A/B treatment's richer one (+{options.TreatmentUplift:P0} against +10 %)"),
    TrialOptions.Window => ($"dispatch zones sending {options.OrdersPerZone} deliveries", $"each zone delivers on time at its own rate (around {options.BaseRate:P0}, zones apart by ±{100 * options.ZoneSpread:0.#} points), {100 * -options.Effect:0.#} points less when dispatched under the A/B treatment's {options.TreatmentWindow} s window (against 5 s); the share on time compared clustered by zone"),
    TrialOptions.Level => ($"store cells read by {options.OrdersPerZone} stock censuses", $"before each census a cell holds a unit to sell at its own rate (around {options.BaseRate:P0}, cells apart by ±{100 * options.ZoneSpread:0.#} points), {100 * options.Effect:0.#} points more when its forecast set its reorder point for the A/B treatment's {options.TreatmentLevel:0.###} service level (against 0.95); the share in stock compared clustered by cell"),
    _ => ("sessions", $"shoppers buy at {options.BaseRate:P0}, or {options.BaseRate + options.Effect:P0} when shown the A/B treatment's picks ({options.Treatment})"),
};
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Trials} experiments of each kind, {simulation.UnitsPerTrial:N0} {unitNames} each (50/50, so about {simulation.UnitsPerTrial / 2:N0} per variant: the planned size for {options.BaseRate:P0} → {options.BaseRate + options.Effect:P0} at α 0.05 and power 0.8); {behaviour}; seed {options.Seed}; {watch.Elapsed.TotalMinutes:0.0} min."));
Console.WriteLine();
Console.WriteLine($"| experiments | injected effect | units per variant (mean) | {(coupon ? "offer's" : window ? "decision's" : level ? "forecast's" : "list's")} variant ≠ hash | served without the experiment | sample-ratio mismatches | significant at 0.05, A/B in the injected direction (95 % CI) | mean estimate (points) | 95 % intervals holding the truth |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
var summaries = new List<object>();
foreach (var injected in new[] { false, true })
{
    var mine = runs.Where(r => r.Injected == injected).ToList();
    var significant = mine.Count(r => r.PValue < 0.05 && (!injected || Math.Sign(r.Difference) == Math.Sign(options.Effect))); // an A/B finds the effect only in its direction
    var (low, high) = WilsonInterval.Of(significant, mine.Count);
    var covered = mine.Count(r => r.Low <= truth[injected] && truth[injected] <= r.High);
    var units = mine.Average(r => (r.ControlUnits + r.TreatmentUnits) / 2.0);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {(injected ? "A/B" : "A/A")} | {100 * truth[injected]:+0.0;-0.0;0} pts | {units:N0} | {mine.Sum(r => r.UnitsMismatched)} | {mine.Sum(r => r.UnitsUntagged)} | {mine.Count(r => r.SampleRatioMismatch)} of {mine.Count} | {significant} of {mine.Count} = {(double)significant / mine.Count:P1} ({low:P1} … {high:P1}) | {100 * mine.Average(r => r.Difference):+0.00;-0.00} | {covered} of {mine.Count} |"));
    summaries.Add(new
    {
        kind = injected ? "A/B" : "A/A",
        effect = truth[injected],
        trials = mine.Count,
        unitsPerVariant = Math.Round(units, 1),
        variantNotHash = mine.Sum(r => r.UnitsMismatched),
        servedWithout = mine.Sum(r => r.UnitsUntagged),
        sampleRatioMismatches = mine.Count(r => r.SampleRatioMismatch),
        significant,
        significantShare = Math.Round((double)significant / mine.Count, 4),
        significantCi = new[] { Math.Round(low, 4), Math.Round(high, 4) },
        meanDifference = Math.Round(mine.Average(r => r.Difference), 5),
        intervalsHoldingTruth = covered,
    });
}

Console.WriteLine(JsonSerializer.Serialize(new
{
    simulation = "experiment-trials",
    seed = options.Seed,
    setting = options.Setting,
    trials = options.Trials,
    baseRate = options.BaseRate,
    effect = options.Effect,
    treatment = coupon ? options.TreatmentUplift.ToString(CultureInfo.InvariantCulture) : window ? $"{options.TreatmentWindow}s" : level ? options.TreatmentLevel.ToString(CultureInfo.InvariantCulture) : options.Treatment,
    ordersPerZone = window ? options.OrdersPerZone : (int?)null,
    censusesPerCell = level ? options.OrdersPerZone : (int?)null,
    zoneSpread = window || level ? options.ZoneSpread : (double?)null,
    unitsPerTrial = simulation.UnitsPerTrial,
    minutes = Math.Round(watch.Elapsed.TotalMinutes, 2),
    kinds = summaries,
}));
return runs.Sum(r => r.UnitsMismatched) == 0 ? 0 : 1;
