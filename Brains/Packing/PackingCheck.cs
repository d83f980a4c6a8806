namespace Tandem.Brains.Packing;

/// <summary>Checks a packed box against its items and rules: inside the box, an allowed orientation, no overlap, supported, nothing on a fragile item, within the weight limit and the counts.</summary>
public static class PackingCheck
{
    /// <summary>What is wrong with <paramref name="packed"/>, or nothing.</summary>
    public static IReadOnlyList<string> Problems(PackedBox packed, IReadOnlyList<ItemKind> kinds, PackingRules rules)
    {
        ArgumentNullException.ThrowIfNull(packed);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(rules);
        var problems = new List<string>();
        var box = packed.Box;
        var items = packed.Placements;
        for (var i = 0; i < items.Count; i++)
        {
            var p = items[i];
            if (p.Kind < 0 || p.Kind >= kinds.Count)
            {
                problems.Add($"item {i}: no kind {p.Kind}");
                continue;
            }

            if (p.X < 0 || p.Y < 0 || p.Z < 0 || p.X2 > box.Length || p.Y2 > box.Width || p.Z2 > box.Height)
            {
                problems.Add($"item {i} ({kinds[p.Kind].Key}) at {p.X},{p.Y},{p.Z} size {p.Dx}×{p.Dy}×{p.Dz} leaves the box {box.Length}×{box.Width}×{box.Height}");
            }

            if (!kinds[p.Kind].Orientations().Contains((p.Dx, p.Dy, p.Dz)))
            {
                problems.Add($"item {i} ({kinds[p.Kind].Key}) lies {p.Dx}×{p.Dy}×{p.Dz}, not an allowed way");
            }

            for (var j = 0; j < i; j++)
            {
                if (p.Overlaps(items[j]))
                {
                    problems.Add($"items {j} and {i} overlap");
                }
            }

            if (!Rests(kinds, items, p, rules.MinSupport))
            {
                problems.Add($"item {i} ({kinds[p.Kind].Key}) at height {p.Z} rests on less than {rules.MinSupport:P0} of its base or on a fragile item");
            }
        }

        var counts = packed.Counts(kinds.Count);
        for (var k = 0; k < kinds.Count; k++)
        {
            if (counts[k] > kinds[k].Count)
            {
                problems.Add($"{counts[k]} of {kinds[k].Key} placed, {kinds[k].Count} given");
            }
        }

        var weight = items.Where(p => p.Kind >= 0 && p.Kind < kinds.Count).Sum(p => kinds[p.Kind].Weight);
        if (weight > box.MaxWeight + 1e-9)
        {
            problems.Add($"weight {weight:0.###} over the box's {box.MaxWeight:0.###}");
        }

        return problems;
    }

    /// <summary>What is wrong with a plan of several boxes: each box's problems, units left out, and each kind's units over all boxes and left out against its count.</summary>
    public static IReadOnlyList<string> Problems(BoxPlan plan, IReadOnlyList<ItemKind> kinds, PackingRules rules)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(kinds);
        var problems = plan.Boxes.SelectMany(b => Problems(b, kinds, rules)).ToList();
        if (plan.Unplaced.Sum() > 0)
        {
            problems.Add($"{plan.Unplaced.Sum()} units left out");
        }

        var placed = new int[kinds.Count];
        foreach (var p in plan.Boxes.SelectMany(b => b.Placements).Where(p => p.Kind >= 0 && p.Kind < kinds.Count))
        {
            placed[p.Kind]++;
        }

        for (var k = 0; k < kinds.Count; k++)
        {
            if (placed[k] + plan.Unplaced[k] != kinds[k].Count)
            {
                problems.Add($"{placed[k]} of {kinds[k].Key} placed over all boxes and {plan.Unplaced[k]} left out, {kinds[k].Count} given");
            }
        }

        return problems;
    }

    /// <summary>Whether <paramref name="item"/> stands on the floor, or on others over <paramref name="minSupport"/> of its base and on no fragile one.</summary>
    public static bool Rests(IReadOnlyList<ItemKind> kinds, IReadOnlyList<Placement> others, Placement item, double minSupport)
    {
        if (item.Z == 0)
        {
            return true;
        }

        long area = 0;
        foreach (var under in others)
        {
            var touch = item.RestingArea(under);
            if (touch > 0 && kinds[under.Kind].Fragile)
            {
                return false;
            }

            area += touch;
        }

        return area >= minSupport * item.Dx * item.Dy;
    }
}
