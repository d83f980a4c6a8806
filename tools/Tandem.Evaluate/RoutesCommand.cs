using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using Tandem.Brains.Evaluation.Data;
using Tandem.Brains.Routing;

namespace Tandem.Evaluate;

/// <summary>
/// The route builder on a routing benchmark (Solomon, Gehring–Homberger or Li &amp; Lim): per class, the average gap of
/// its total distance to the best-known one, the vehicles used against the best-known, and the wall time per instance
/// (the builder's two searches run on two threads); the first solution alone (parallel cheapest insertion) is the
/// baseline in the same run. Every solution is checked.
/// </summary>
internal static class RoutesCommand
{
    public static int Run(Arguments args)
    {
        var limit = TimeSpan.FromMilliseconds(args.Number("milliseconds", 900));
        var (set, instances) = RoutingBenchmark.Read(args.Folder, args.Number("size", 200));
        var take = args.Number("instances", int.MaxValue);
        instances = [.. instances.Take(take)];
        Console.WriteLine($"{set}: {instances.Count} instances from {args.Folder}; two guided local searches side by side for {limit.TotalMilliseconds:0} ms, from parallel cheapest insertion and from path cheapest arc");
        var results = new List<(RoutingInstance Instance, Attempt First, Attempt Improved)>();
        foreach (var instance in instances)
        {
            var first = Solve(instance, TimeSpan.Zero);
            var improved = Solve(instance, limit);
            results.Add((instance, first, improved));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {instance.Problem.Name}: {improved.Distance:F1} with {improved.Vehicles} vehicles in {improved.Seconds:F2} s (best known {instance.BestDistance:F1} with {instance.BestRoutes}; first solution {first.Distance:F1}){(improved.Problems.Count + first.Problems.Count > 0 ? " INFEASIBLE: " + string.Join("; ", improved.Problems.Concat(first.Problems).Take(3)) : "")}"));
        }

        Console.WriteLine();
        Console.WriteLine("| class | instances | first solution: gap | route builder: gap | vehicles (best known) | seconds per instance | feasible |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var classes = results.GroupBy(r => r.Instance.Class).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Summary(g.Key, [.. g])).Append(Summary("all", results)).ToList();
        foreach (var c in classes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Class} | {c.Count} | {c.FirstGap:P2} | {c.Gap:P2} | {c.Vehicles:F1} ({c.BestVehicles:F1}) | {c.Seconds:F2} (max {c.MaxSeconds:F2}) | {c.Feasible}/{c.Count} |"));
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            evaluation = "routes",
            set,
            milliseconds = limit.TotalMilliseconds,
            convention = set == "Solomon" ? "DIMACS: distance only, truncated to one decimal" : "best known are hierarchical (vehicles first); gaps compare distance only",
            classes = classes.Select(c => new { c.Class, instances = c.Count, firstGap = Math.Round(c.FirstGap, 4), gap = Math.Round(c.Gap, 4), vehicles = Math.Round(c.Vehicles, 2), bestVehicles = Math.Round(c.BestVehicles, 2), seconds = Math.Round(c.Seconds, 3), maxSeconds = Math.Round(c.MaxSeconds, 3), feasible = c.Feasible }),
        }));
        return 0;
    }

    private sealed record Attempt(double Distance, int Vehicles, double Seconds, IReadOnlyList<string> Problems);

    private sealed record ClassSummary(string Class, int Count, double FirstGap, double Gap, double Vehicles, double BestVehicles, double Seconds, double MaxSeconds, int Feasible);

    private static Attempt Solve(RoutingInstance instance, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var solution = RouteBuilder.Solve(instance.Problem, limit);
        var seconds = clock.Elapsed.TotalSeconds;
        return solution is null
            ? new Attempt(double.NaN, 0, seconds, ["no solution found"])
            : new Attempt(solution.Distance, solution.Vehicles, seconds, RouteCheck.Problems(instance.Problem, solution));
    }

    private static ClassSummary Summary(string name, IReadOnlyList<(RoutingInstance Instance, Attempt First, Attempt Improved)> runs) => new(
        name,
        runs.Count,
        runs.Average(r => (r.First.Distance - r.Instance.BestDistance) / r.Instance.BestDistance),
        runs.Average(r => (r.Improved.Distance - r.Instance.BestDistance) / r.Instance.BestDistance),
        runs.Average(r => r.Improved.Vehicles),
        runs.Average(r => r.Instance.BestRoutes),
        runs.Average(r => r.Improved.Seconds),
        runs.Max(r => r.Improved.Seconds),
        runs.Count(r => r.Improved.Problems.Count == 0 && r.First.Problems.Count == 0));
}
