namespace Tandem.Brains.Packing;

/// <summary>
/// One construction of a box's load from blocks of identical items: take the free space nearest a bottom corner of the
/// box (its distances to the walls sorted, compared in turn; the larger space on a tie), fill it from that corner with
/// the block of most volume (a row, layer or stack of one kind in one orientation that fits the space, the items left and
/// the weight left), and cut the block out of the free spaces; a space no block fits is given up. Every item of a
/// block's bottom layer rests on the floor or on items below it over <see cref="PackingRules.MinSupport"/> of its base,
/// never on a fragile item, and a fragile kind is never stacked. Randomised constructions pick among the blocks within
/// a share of the best volume.
/// </summary>
internal sealed class BlockConstruction
{
    private static readonly int[][] AxisOrders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

    private readonly BoxSize _box;
    private readonly IReadOnlyList<ItemKind> _kinds;
    private readonly IReadOnlyList<(int X, int Y, int Z)>[] _ways;
    private readonly PackingRules _rules;
    private readonly MaximalSpaces _spaces = new();
    private readonly List<Candidate> _candidates = [];
    private readonly Dictionary<int, List<int>> _byTop = [];
    private readonly int[] _left;
    private List<Placement> _placed = [];
    private double _weight;

    public BlockConstruction(BoxSize box, IReadOnlyList<ItemKind> kinds, PackingRules rules)
    {
        _box = box;
        _kinds = kinds;
        _rules = rules;
        _ways = [.. kinds.Select(k => k.Orientations())];
        _left = new int[kinds.Count];
    }

    private readonly record struct Candidate(long Volume, int Kind, int Dx, int Dy, int Dz, int Nx, int Ny, int Nz);

    /// <summary>Builds one load; <paramref name="spread"/> 0 is greedy, above it picks at random among blocks within that share of the best.</summary>
    public List<Placement> Run(double spread, Random random)
    {
        _placed = [];
        _byTop.Clear();
        _weight = 0;
        for (var k = 0; k < _kinds.Count; k++)
        {
            _left[k] = _kinds[k].Count;
        }

        _spaces.Reset(new Cuboid(0, 0, 0, _box.Length, _box.Width, _box.Height));
        var minSide = MinSide();
        while (_spaces.Count > 0 && minSide < int.MaxValue)
        {
            var index = Nearest();
            var space = _spaces[index];
            if (!Choose(space, spread, random, out var block, out var at))
            {
                _spaces.RemoveAt(index);
                continue;
            }

            Place(block, at);
            minSide = MinSide();
            _spaces.Cut(at, minSide == int.MaxValue ? 1 : minSide);
        }

        return _placed;
    }

    private int MinSide()
    {
        var side = int.MaxValue;
        for (var k = 0; k < _kinds.Count; k++)
        {
            if (_left[k] > 0)
            {
                var kind = _kinds[k];
                side = Math.Min(side, Math.Min(kind.Length, Math.Min(kind.Width, kind.Height)));
            }
        }

        return side;
    }

    /// <summary>The space nearest a bottom corner of the box.</summary>
    private int Nearest()
    {
        var best = 0;
        (int, int, int) bestKey = default;
        long bestVolume = 0;
        for (var i = 0; i < _spaces.Count; i++)
        {
            var s = _spaces[i];
            var key = Sorted(Math.Min(s.X1, _box.Length - s.X2), Math.Min(s.Y1, _box.Width - s.Y2), s.Z1);
            var volume = s.Volume;
            if (i == 0 || key.CompareTo(bestKey) < 0 || (key == bestKey && volume > bestVolume))
            {
                best = i;
                bestKey = key;
                bestVolume = volume;
            }
        }

        return best;
    }

    private static (int, int, int) Sorted(int a, int b, int c)
    {
        if (a > b)
        {
            (a, b) = (b, a);
        }

        if (b > c)
        {
            (b, c) = (c, b);
        }

        if (a > b)
        {
            (a, b) = (b, a);
        }

        return (a, b, c);
    }

    private bool Choose(Cuboid space, double spread, Random random, out Candidate chosen, out Cuboid at)
    {
        _candidates.Clear();
        Span<int> fit = stackalloc int[3];
        Span<int> n = stackalloc int[3];
        for (var k = 0; k < _kinds.Count; k++)
        {
            if (_left[k] == 0)
            {
                continue;
            }

            var kind = _kinds[k];
            var most = _left[k];
            if (kind.Weight > 0)
            {
                most = (int)Math.Min(most, Math.Floor((_box.MaxWeight - _weight) / kind.Weight + 1e-9));
            }

            if (most <= 0)
            {
                continue;
            }

            foreach (var (dx, dy, dz) in _ways[k])
            {
                fit[0] = space.Dx / dx;
                fit[1] = space.Dy / dy;
                fit[2] = kind.Fragile ? Math.Min(1, space.Dz / dz) : space.Dz / dz;
                if (fit[0] == 0 || fit[1] == 0 || fit[2] == 0)
                {
                    continue;
                }

                var first = _candidates.Count;
                foreach (var order in AxisOrders)
                {
                    var remaining = most;
                    n[0] = n[1] = n[2] = 1;
                    foreach (var axis in order)
                    {
                        n[axis] = Math.Max(1, Math.Min(fit[axis], remaining));
                        remaining /= n[axis];
                    }

                    var candidate = new Candidate((long)n[0] * n[1] * n[2] * dx * dy * dz, k, dx, dy, dz, n[0], n[1], n[2]);
                    var seen = false;
                    for (var c = first; c < _candidates.Count && !seen; c++)
                    {
                        seen = _candidates[c] == candidate;
                    }

                    if (!seen)
                    {
                        _candidates.Add(candidate);
                    }
                }
            }
        }

        chosen = default;
        at = default;
        if (_candidates.Count == 0)
        {
            return false;
        }

        _candidates.Sort((a, b) => b.Volume.CompareTo(a.Volume));
        var threshold = _candidates[0].Volume - (long)(spread * (_candidates[0].Volume - _candidates[^1].Volume));
        var pool = 0;
        for (var i = 0; i < _candidates.Count; i++)
        {
            if (_candidates[i].Volume < threshold && pool > 0)
            {
                break;
            }

            if (Corner(space, _candidates[i], out var where))
            {
                // Reservoir choice among the supported blocks within the threshold (the first one when greedy).
                pool++;
                if (pool == 1 || random.Next(pool) == 0)
                {
                    chosen = _candidates[i];
                    at = where;
                }

                if (spread == 0)
                {
                    break;
                }
            }
        }

        return pool > 0;
    }

    /// <summary>The corner of <paramref name="space"/> where the block stands supported, the one nearest the box's corner first.</summary>
    private bool Corner(Cuboid space, Candidate block, out Cuboid at)
    {
        var sx = block.Nx * block.Dx;
        var sy = block.Ny * block.Dy;
        var sz = block.Nz * block.Dz;
        var lowX = space.X1 <= _box.Length - space.X2;
        var lowY = space.Y1 <= _box.Width - space.Y2;
        for (var c = 0; c < 4; c++)
        {
            var useLowX = (c & 1) == 0 ? lowX : !lowX;
            var useLowY = (c & 2) == 0 ? lowY : !lowY;
            var x = useLowX ? space.X1 : space.X2 - sx;
            var y = useLowY ? space.Y1 : space.Y2 - sy;
            at = new Cuboid(x, y, space.Z1, x + sx, y + sy, space.Z1 + sz);
            if ((c & 1) == 1 && sx == space.Dx || (c & 2) == 2 && sy == space.Dy)
            {
                continue; // the same position as a corner already tried
            }

            if (Supported(at, block))
            {
                return true;
            }
        }

        at = default;
        return false;
    }

    private bool Supported(Cuboid at, Candidate block)
    {
        if (at.Z1 == 0)
        {
            return true;
        }

        if (!_byTop.TryGetValue(at.Z1, out var below))
        {
            return false;
        }

        // The whole base first (cheap, and necessary): then each item of the bottom layer.
        var whole = new Placement(0, at.X1, at.Y1, at.Z1, at.Dx, at.Dy, 1);
        long area = 0;
        foreach (var i in below)
        {
            var under = _placed[i];
            var touch = whole.RestingArea(under);
            if (touch > 0 && _kinds[under.Kind].Fragile)
            {
                return false;
            }

            area += touch;
        }

        var need = _rules.MinSupport * block.Dx * block.Dy;
        if (area < need * block.Nx * block.Ny)
        {
            return false;
        }

        for (var ix = 0; ix < block.Nx; ix++)
        {
            for (var iy = 0; iy < block.Ny; iy++)
            {
                var item = new Placement(0, at.X1 + ix * block.Dx, at.Y1 + iy * block.Dy, at.Z1, block.Dx, block.Dy, block.Dz);
                long rests = 0;
                foreach (var i in below)
                {
                    rests += item.RestingArea(_placed[i]);
                }

                if (rests < need)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private void Place(Candidate block, Cuboid at)
    {
        for (var iz = 0; iz < block.Nz; iz++)
        {
            var z = at.Z1 + iz * block.Dz;
            if (!_byTop.TryGetValue(z + block.Dz, out var tops))
            {
                tops = [];
                _byTop[z + block.Dz] = tops;
            }

            for (var ix = 0; ix < block.Nx; ix++)
            {
                for (var iy = 0; iy < block.Ny; iy++)
                {
                    tops.Add(_placed.Count);
                    _placed.Add(new Placement(block.Kind, at.X1 + ix * block.Dx, at.Y1 + iy * block.Dy, z, block.Dx, block.Dy, block.Dz));
                }
            }
        }

        var count = block.Nx * block.Ny * block.Nz;
        _left[block.Kind] -= count;
        _weight += count * _kinds[block.Kind].Weight;
    }
}
