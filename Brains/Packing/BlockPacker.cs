using System.Diagnostics;

namespace Tandem.Brains.Packing;

/// <summary>
/// Packs as much volume of the given items as fits into one box: a greedy block construction
/// (<see cref="BlockConstruction"/>), then randomised ones from a seed until everything fits, the attempts run out or
/// the time cap passes; the most volume wins (the earliest on a tie), so a seed and an attempt count give one answer.
/// </summary>
public static class BlockPacker
{
    /// <summary>Names the algorithm in the decisions it makes.</summary>
    public const string Version = "maximal-space blocks v1";

    private static readonly double[] Spreads = [0.1, 0.2, 0.3, 0.5, 0.7];

    public static PackedBox Pack(BoxSize box, IReadOnlyList<ItemKind> kinds, PackingRules rules)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(rules);
        var started = Stopwatch.GetTimestamp();
        var everything = kinds.Sum(k => k.Volume * k.Count);
        var construction = new BlockConstruction(box, kinds, rules);
        var random = new Random(rules.Seed);
        List<Placement> best = [];
        long bestVolume = -1;
        for (var attempt = 0; attempt < Math.Max(1, rules.Attempts); attempt++)
        {
            var placed = construction.Run(attempt == 0 ? 0 : Spreads[attempt % Spreads.Length], random);
            var volume = placed.Sum(p => p.Volume);
            if (volume > bestVolume)
            {
                best = placed;
                bestVolume = volume;
            }

            if (bestVolume >= everything || bestVolume >= box.Volume || Stopwatch.GetElapsedTime(started) >= rules.TimeCap)
            {
                break;
            }
        }

        return new PackedBox(box, best);
    }
}
