using System.Collections.Concurrent;

using Tandem.Brains.Evaluation.Data;
using Tandem.Brains.Packing;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Packing;

/// <summary>Both packers on every OR-Library problem of the folder: every arrangement checked (the evaluation command measures them at full search time).</summary>
public sealed class ContainerLoadingTests
{
    private static readonly PackingRules Rules = new() { Attempts = 3, TimeCap = TimeSpan.FromSeconds(10) };

    [Fact]
    public void The_folder_reads_as_Bischoff_Ratcliff_Loh_Nee_and_Ivancic_problems()
    {
        var instances = ContainerLoading.Read(SharedData.Folder("orlib_thpack_3d"));

        Assert.Equal(["BR1", "BR2", "BR3", "BR4", "BR5", "BR6", "BR7", "LN", "IMM"], instances.Select(i => i.Class).Distinct());
        var first = instances[0];
        Assert.Equal(("thpack1", 1, 587, 233, 220), (first.File, first.Problem, first.Container.Length, first.Container.Width, first.Container.Height));
        Assert.Equal([("type 1", 108, 76, 30, 40, false, false, true), ("type 2", 110, 43, 25, 33, false, true, true), ("type 3", 92, 81, 55, 39, true, true, true)],
            first.Kinds.Select(k => (k.Key, k.Length, k.Width, k.Height, k.Count, k.LengthMayStand, k.WidthMayStand, k.HeightMayStand)));
        Assert.Equal(0.8095, first.BinacleFfdFill!.Value, 6);
        Assert.Equal("thpack9-fixed", instances.First(i => i.MultiContainer).File); // the corrected file takes the original's place
    }

    [Fact]
    public void Every_arrangement_on_every_problem_is_inside_supported_without_overlap_and_within_the_counts()
    {
        var instances = ContainerLoading.Read(SharedData.Folder("orlib_thpack_3d"));
        var problems = new ConcurrentBag<string>();
        var fills = new ConcurrentBag<(string Class, double Blocks, double FirstFit)>();

        Parallel.ForEach(instances, instance =>
        {
            if (instance.MultiContainer)
            {
                var plan = BoxChooser.Choose([instance.Container], instance.Kinds, Rules, BlockPacker.Pack);
                Report(instance, PackingCheck.Problems(plan, instance.Kinds, Rules));
            }
            else
            {
                var blocks = BlockPacker.Pack(instance.Container, instance.Kinds, Rules);
                var firstFit = FirstFitPacker.Pack(instance.Container, instance.Kinds, Rules);
                Report(instance, PackingCheck.Problems(blocks, instance.Kinds, Rules).Concat(PackingCheck.Problems(firstFit, instance.Kinds, Rules)));
                fills.Add((instance.Class, blocks.Fill, firstFit.Fill));
            }
        });

        Assert.Empty(problems);
        Assert.Equal(535, fills.Count);
        Assert.All(fills.GroupBy(f => f.Class), c => Assert.True(c.Average(f => f.Blocks) > c.Average(f => f.FirstFit), $"{c.Key}: blocks {c.Average(f => f.Blocks):P2} ≤ first fit {c.Average(f => f.FirstFit):P2}"));

        void Report(ContainerInstance instance, IEnumerable<string> found)
        {
            foreach (var problem in found.Take(3))
            {
                problems.Add($"{instance.Class} {instance.Problem}: {problem}");
            }
        }
    }
}
