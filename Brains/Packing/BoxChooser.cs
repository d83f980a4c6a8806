using System.Diagnostics;

namespace Tandem.Brains.Packing;

/// <summary>
/// Chooses boxes from a catalogue for a set of items: the smallest box (by volume) that holds everything left, tried
/// in rising volume among those large and strong enough; when none does, the largest box filled as fully as it can be,
/// and again for the rest. An item that fits no box in any allowed way is left out (it ships in its own packaging). The
/// packer is a parameter so the baseline chooses its boxes the same way.
/// </summary>
public static class BoxChooser
{
    public delegate PackedBox Packer(BoxSize box, IReadOnlyList<ItemKind> kinds, PackingRules rules);

    /// <summary>Packs <paramref name="kinds"/> into boxes of <paramref name="catalogue"/>; <see cref="PackingRules.TimeCap"/> bounds each box's search, and the whole plan takes at most eight of them.</summary>
    public static BoxPlan Choose(IReadOnlyList<BoxSize> catalogue, IReadOnlyList<ItemKind> kinds, PackingRules rules, Packer packer)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(packer);
        var started = Stopwatch.GetTimestamp();
        var budget = rules.TimeCap * 8;
        var boxes = catalogue.OrderBy(b => b.Volume).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();
        var left = kinds.Select(k => k.Count).ToArray();
        var unplaced = new int[kinds.Count];
        for (var k = 0; k < kinds.Count; k++)
        {
            if (!boxes.Any(b => FitsAlone(b, kinds[k])))
            {
                unplaced[k] = left[k];
                left[k] = 0;
            }
        }

        var chosen = new List<PackedBox>();
        while (left.Any(n => n > 0))
        {
            var rest = kinds.Select((k, i) => k with { Count = left[i] }).ToList();
            var volume = rest.Sum(k => k.Volume * k.Count);
            var weight = rest.Sum(k => k.Weight * k.Count);
            var spent = Stopwatch.GetElapsedTime(started);
            var round = rules with { TimeCap = spent >= budget ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(rules.TimeCap.Ticks, (budget - spent).Ticks)) };
            PackedBox? whole = null;
            foreach (var box in boxes.Where(b => b.Volume >= volume && b.MaxWeight + 1e-9 >= weight))
            {
                var packed = packer(box, rest, round);
                if (packed.Placements.Count == left.Sum())
                {
                    whole = packed;
                    break;
                }
            }

            var take = whole ?? packer(boxes[^1], rest, round);
            if (take.Placements.Count == 0)
            {
                break; // nothing left fits any box (for its weight): left out
            }

            chosen.Add(take);
            foreach (var p in take.Placements)
            {
                left[p.Kind]--;
            }
        }

        for (var k = 0; k < kinds.Count; k++)
        {
            unplaced[k] += left[k];
        }

        return new BoxPlan(chosen, unplaced);
    }

    /// <summary>Whether one unit of <paramref name="kind"/> goes in <paramref name="box"/> by size and weight.</summary>
    public static bool FitsAlone(BoxSize box, ItemKind kind) =>
        kind.Weight <= box.MaxWeight + 1e-9 && kind.Orientations().Any(w => w.X <= box.Length && w.Y <= box.Width && w.Z <= box.Height);
}
