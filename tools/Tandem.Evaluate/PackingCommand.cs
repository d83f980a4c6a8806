using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using Tandem.Brains.Evaluation.Data;
using Tandem.Brains.Packing;

namespace Tandem.Evaluate;

/// <summary>
/// The block packer on OR-Library container loading (BR1–BR7, Loh–Nee: the most volume in one container; Ivancic et al.:
/// the fewest containers for everything): per class, average volume utilisation against first fit decreasing run in the
/// same run under the same rules, the folder's Binacle FFD figure and the volume bound, and the time per instance.
/// Every arrangement of both packers is checked (inside, orientation, no overlap, support, counts).
/// </summary>
internal static class PackingCommand
{
    public static int Run(Arguments args)
    {
        var rules = new PackingRules
        {
            TimeCap = TimeSpan.FromMilliseconds(args.Number("milliseconds", 90)),
            Attempts = args.Number("attempts", 10_000),
            MinSupport = args.Number("support", 75) / 100.0,
            Seed = args.Number("seed", 1),
        };
        var instances = ContainerLoading.Read(args.Folder).Take(args.Number("instances", int.MaxValue)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{instances.Count} problems from {args.Folder}; {BlockPacker.Version}, at most {rules.TimeCap.TotalMilliseconds:0} ms each, every item resting on at least {rules.MinSupport:P0} of its base; baseline first fit decreasing under the same rules"));
        var runs = instances.Select(i => Solve(i, rules)).ToList();
        foreach (var r in runs.Where(r => r.Problems.Count > 0))
        {
            Console.WriteLine($"  {r.Instance.Class} {r.Instance.Problem} INFEASIBLE: {string.Join("; ", r.Problems.Take(3))}");
        }

        var classes = runs.GroupBy(r => r.Instance.Class).OrderBy(g => g.First().Instance.File.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Summary(g.Key, [.. g])).ToList();
        var single = runs.Where(r => r.Instance.Class.StartsWith("BR", StringComparison.Ordinal)).ToList();
        if (single.Count > 0)
        {
            classes.Add(Summary("BR1–BR7", single));
        }

        Console.WriteLine();
        Console.WriteLine("| class | problems | first fit decreasing | Binacle FFD (folder) | block packer | volume bound | containers: FFD / blocks / volume bound | ms per problem (max) | feasible |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in classes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Class} | {c.Count} | {c.FirstFit:P2} | {(c.Binacle is { } b ? b.ToString("P2", CultureInfo.InvariantCulture) : "–")} | **{c.Blocks:P2}** | {c.Bound:P2} | {(c.Multi ? $"{c.FfdContainers:F2} / {c.BlockContainers:F2} / {c.BoundContainers:F2}" : "–")} | {c.Milliseconds:F1} ({c.MaxMilliseconds:F1}) | {c.Feasible}/{c.Count} |"));
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            evaluation = "packing",
            algorithm = BlockPacker.Version,
            milliseconds = rules.TimeCap.TotalMilliseconds,
            minSupport = rules.MinSupport,
            seed = rules.Seed,
            classes = classes.Select(c => new
            {
                @class = c.Class,
                problems = c.Count,
                firstFit = Math.Round(c.FirstFit, 4),
                binacleFfd = c.Binacle is { } b ? Math.Round(b, 4) : (double?)null,
                blocks = Math.Round(c.Blocks, 4),
                volumeBound = Math.Round(c.Bound, 4),
                containers = c.Multi ? new { firstFit = Math.Round(c.FfdContainers, 2), blocks = Math.Round(c.BlockContainers, 2), volumeBound = Math.Round(c.BoundContainers, 2) } : null,
                milliseconds = Math.Round(c.Milliseconds, 1),
                maxMilliseconds = Math.Round(c.MaxMilliseconds, 1),
                feasible = c.Feasible,
            }),
        }));
        return runs.Any(r => r.Problems.Count > 0) ? 1 : 0;
    }

    private sealed record Attempt(ContainerInstance Instance, double FirstFit, double Blocks, int FfdContainers, int BlockContainers, double Milliseconds, IReadOnlyList<string> Problems);

    private sealed record ClassSummary(string Class, int Count, double FirstFit, double? Binacle, double Blocks, double Bound, bool Multi, double FfdContainers, double BlockContainers, double BoundContainers, double Milliseconds, double MaxMilliseconds, int Feasible);

    private static Attempt Solve(ContainerInstance instance, PackingRules rules)
    {
        if (instance.MultiContainer)
        {
            var clock = Stopwatch.StartNew();
            var blocks = BoxChooser.Choose([instance.Container], instance.Kinds, rules, BlockPacker.Pack);
            var ms = clock.Elapsed.TotalMilliseconds;
            var ffd = BoxChooser.Choose([instance.Container], instance.Kinds, rules, FirstFitPacker.Pack);
            var problems = PackingCheck.Problems(blocks, instance.Kinds, rules).Concat(PackingCheck.Problems(ffd, instance.Kinds, rules)).ToList();
            return new Attempt(instance, ffd.Fill, blocks.Fill, ffd.Boxes.Count, blocks.Boxes.Count, ms, problems);
        }
        else
        {
            var clock = Stopwatch.StartNew();
            var blocks = BlockPacker.Pack(instance.Container, instance.Kinds, rules);
            var ms = clock.Elapsed.TotalMilliseconds;
            var ffd = FirstFitPacker.Pack(instance.Container, instance.Kinds, rules);
            var problems = PackingCheck.Problems(blocks, instance.Kinds, rules).Concat(PackingCheck.Problems(ffd, instance.Kinds, rules)).ToList();
            return new Attempt(instance, ffd.Fill, blocks.Fill, 1, 1, ms, problems);
        }
    }

    private static ClassSummary Summary(string name, IReadOnlyList<Attempt> runs)
    {
        var binacle = runs.All(r => r.Instance.BinacleFfdFill is not null) ? runs.Average(r => r.Instance.BinacleFfdFill!.Value) : (double?)null;
        return new(
            name,
            runs.Count,
            runs.Average(r => r.FirstFit),
            binacle,
            runs.Average(r => r.Blocks),
            runs.Average(r => r.Instance.MultiContainer ? r.Instance.BoxVolume / (double)(r.Instance.ContainerBound * r.Instance.Container.Volume) : r.Instance.VolumeBound),
            runs.All(r => r.Instance.MultiContainer),
            runs.Average(r => r.FfdContainers),
            runs.Average(r => r.BlockContainers),
            runs.Average(r => r.Instance.ContainerBound),
            runs.Average(r => r.Milliseconds),
            runs.Max(r => r.Milliseconds),
            runs.Count(r => r.Problems.Count == 0));
    }
}
