using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using Tandem.Brains.Experiments;
using Tandem.ExperimentTrials;

// dotnet run -c Release --project tools/Tandem.ExperimentTrials -- [--trials 40] [--base 0.1] [--effect 0.02]
//   [--treatment popular] [--sessions N] [--seed 1]
// Seeded A/A and A/B experiments on the picks' strategy through the real grains (assignment, exposure, the sessions'
// outboxes, the tallies, the results): how often an A/A test is called significant or flags a sample-ratio mismatch,
// and how often the injected effect is found at the planned size (the power). Prints a table and one JSON line.
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
            $"{(injected ? "A/B" : "A/A")} {trial}: {run.ControlUnits}/{run.TreatmentUnits} units, {run.ControlRate:P2} → {run.TreatmentRate:P2}, p {run.PValue:0.0000}{(run.SampleRatioMismatch ? ", SRM" : "")} ({watch.Elapsed.TotalSeconds:0} s)"));
    }
}

var truth = new Dictionary<bool, double> { [false] = 0, [true] = options.Effect };
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Trials} experiments of each kind, {simulation.SessionsPerTrial:N0} sessions each (50/50, so about {simulation.SessionsPerTrial / 2:N0} per variant: the planned size for {options.BaseRate:P0} → {options.BaseRate + options.Effect:P0} at α 0.05 and power 0.8); shoppers buy at {options.BaseRate:P0}, or {options.BaseRate + options.Effect:P0} when shown the A/B treatment's picks ({options.Treatment}); seed {options.Seed}; {watch.Elapsed.TotalMinutes:0.0} min."));
Console.WriteLine();
Console.WriteLine("| experiments | injected effect | units per variant (mean) | list's variant ≠ hash | sample-ratio mismatches | significant at 0.05, A/B in the injected direction (95 % CI) | mean estimate (points) | 95 % intervals holding the truth |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
var summaries = new List<object>();
foreach (var injected in new[] { false, true })
{
    var mine = runs.Where(r => r.Injected == injected).ToList();
    var significant = mine.Count(r => r.PValue < 0.05 && (!injected || r.Difference > 0)); // an A/B finds the effect only in its direction
    var (low, high) = WilsonInterval.Of(significant, mine.Count);
    var covered = mine.Count(r => r.Low <= truth[injected] && truth[injected] <= r.High);
    var units = mine.Average(r => (r.ControlUnits + r.TreatmentUnits) / 2.0);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {(injected ? "A/B" : "A/A")} | {100 * truth[injected]:+0.0;-0.0;0} pts | {units:N0} | {mine.Sum(r => r.UnitsMismatched)} | {mine.Count(r => r.SampleRatioMismatch)} of {mine.Count} | {significant} of {mine.Count} = {(double)significant / mine.Count:P1} ({low:P1} … {high:P1}) | {100 * mine.Average(r => r.Difference):+0.00;-0.00} | {covered} of {mine.Count} |"));
    summaries.Add(new
    {
        kind = injected ? "A/B" : "A/A",
        effect = truth[injected],
        trials = mine.Count,
        unitsPerVariant = Math.Round(units, 1),
        listVariantNotHash = mine.Sum(r => r.UnitsMismatched),
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
    trials = options.Trials,
    baseRate = options.BaseRate,
    effect = options.Effect,
    treatment = options.Treatment,
    sessionsPerTrial = simulation.SessionsPerTrial,
    minutes = Math.Round(watch.Elapsed.TotalMinutes, 2),
    kinds = summaries,
}));
return runs.Sum(r => r.UnitsMismatched) == 0 ? 0 : 1;
