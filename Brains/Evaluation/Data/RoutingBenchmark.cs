using System.Globalization;

using Tandem.Brains.Routing;

namespace Tandem.Brains.Evaluation.Data;

/// <summary>One benchmark instance: its problem, its class (C1, R2, LRC1, …) and the best-known routes and distance.</summary>
public sealed record RoutingInstance(RoutingProblem Problem, string Class, int BestRoutes, double BestDistance);

/// <summary>
/// A routing benchmark folder with an <c>instances/</c> folder and a <c>bks.csv</c>: Solomon (VRPLIB <c>*.vrp</c>,
/// DIMACS best-known distances), or Gehring–Homberger and Li &amp; Lim (text instances under <c>instances/n{size}/</c>,
/// hierarchical best-known solutions: fewest vehicles first). Only the instances that have a best-known row are read.
/// </summary>
public static class RoutingBenchmark
{
    public static (string Set, IReadOnlyList<RoutingInstance> Instances) Read(string folder, int size)
    {
        var rows = File.ReadAllLines(Path.Combine(folder, "bks.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToDictionary(r => r[0], StringComparer.OrdinalIgnoreCase);
        var instances = Path.Combine(folder, "instances");
        var vrp = Directory.EnumerateFiles(instances, "*.vrp").Order(StringComparer.Ordinal).ToList();
        if (vrp.Count > 0)
        {
            // instance,class,customers,max_vehicles,capacity,bks_routes,bks_distance_dimacs
            return ("Solomon", [.. vrp.Select(p => (Path: p, Row: rows.GetValueOrDefault(Path.GetFileNameWithoutExtension(p))))
                .Where(i => i.Row is not null)
                .Select(i => new RoutingInstance(RoutingInstances.Vrplib(i.Path), i.Row![1], Int(i.Row[5]), Real(i.Row[6])))]);
        }

        // instance,clients,bks_routes,bks_distance,…
        var files = Directory.EnumerateFiles(Path.Combine(instances, $"n{size}"), "*.txt").Order(StringComparer.Ordinal)
            .Select(p => (Path: p, Row: rows.GetValueOrDefault(Path.GetFileNameWithoutExtension(p))))
            .Where(i => i.Row is not null)
            .ToList();
        var pickupAndDelivery = files.Count > 0 && !File.ReadLines(files[0].Path).Any(l => l.Contains("CUSTOMER", StringComparison.Ordinal));
        return (pickupAndDelivery ? "Li & Lim" : "Gehring–Homberger", [.. files.Select(i =>
        {
            var problem = pickupAndDelivery ? RoutingInstances.LiLim(i.Path) : RoutingInstances.SolomonText(i.Path);
            return new RoutingInstance(problem, ClassOf(Path.GetFileNameWithoutExtension(i.Path)), Int(i.Row![2]), Real(i.Row[3]));
        })]);
    }

    /// <summary>The class in a benchmark name: <c>c1_2_1</c> → C1, <c>lrc204</c> → LRC2, <c>r101</c> → R1.</summary>
    public static string ClassOf(string name)
    {
        var letters = new string([.. name.TakeWhile(char.IsLetter)]).ToUpperInvariant();
        return letters + name[letters.Length];
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static double Real(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
