namespace Tandem.Brains.Packing;

/// <summary>
/// The baseline: first fit decreasing. Items one by one, largest volume first, each at the first position (lowest,
/// then nearest the back, then the left; positions are the box's corner and the corners next to items placed) and the
/// first orientation where it fits under the same rules as the block packer (inside, no overlap, supported, nothing on a
/// fragile item, the weight limit).
/// </summary>
public static class FirstFitPacker
{
    /// <summary>Names the algorithm in the decisions it makes.</summary>
    public const string Version = "first fit decreasing v1";

    public static PackedBox Pack(BoxSize box, IReadOnlyList<ItemKind> kinds, PackingRules rules)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(rules);
        var items = kinds.SelectMany((k, i) => Enumerable.Repeat(i, k.Count)).OrderByDescending(i => kinds[i].Volume).ThenBy(i => i).ToList();
        var placed = new List<Placement>();
        var points = new SortedSet<(int Z, int Y, int X)> { (0, 0, 0) };
        var weight = 0.0;
        var failed = -1; // a kind that found no place finds none again until something else is placed
        foreach (var kind in items)
        {
            if (kind == failed || weight + kinds[kind].Weight > box.MaxWeight + 1e-9)
            {
                continue;
            }

            var spot = Find(box, kinds, placed, points, kind, rules.MinSupport);
            if (spot.Kind < 0)
            {
                failed = kind;
                continue;
            }

            placed.Add(spot);
            weight += kinds[kind].Weight;
            // Positions inside an item can hold nothing: the new item's are dropped, and its corners added unless inside one.
            points.RemoveWhere(p => Covers(spot, p));
            foreach (var corner in new (int Z, int Y, int X)[] { (spot.Z, spot.Y, spot.X2), (spot.Z, spot.Y2, spot.X), (spot.Z2, spot.Y, spot.X) })
            {
                if (corner.X < box.Length && corner.Y < box.Width && corner.Z < box.Height && !placed.Any(p => Covers(p, corner)))
                {
                    points.Add(corner);
                }
            }
        }

        return new PackedBox(box, placed);
    }

    private static Placement Find(BoxSize box, IReadOnlyList<ItemKind> kinds, List<Placement> placed, SortedSet<(int Z, int Y, int X)> points, int kind, double minSupport)
    {
        var ways = kinds[kind].Orientations();
        foreach (var (z, y, x) in points)
        {
            foreach (var (dx, dy, dz) in ways)
            {
                var c = new Placement(kind, x, y, z, dx, dy, dz);
                if (c.X2 <= box.Length && c.Y2 <= box.Width && c.Z2 <= box.Height && !Overlaps(placed, c) && PackingCheck.Rests(kinds, placed, c, minSupport))
                {
                    return c;
                }
            }
        }

        return new Placement(-1, 0, 0, 0, 0, 0, 0);
    }

    private static bool Covers(Placement item, (int Z, int Y, int X) point) =>
        item.X <= point.X && point.X < item.X2 && item.Y <= point.Y && point.Y < item.Y2 && item.Z <= point.Z && point.Z < item.Z2;

    private static bool Overlaps(List<Placement> placed, Placement c)
    {
        foreach (var p in placed)
        {
            if (p.Overlaps(c))
            {
                return true;
            }
        }

        return false;
    }
}
