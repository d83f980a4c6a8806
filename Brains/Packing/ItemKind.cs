namespace Tandem.Brains.Packing;

/// <summary>
/// One kind of item to pack: its size in whole units (millimetres for products), which of its sides may face up,
/// whether nothing may rest on it, its weight and how many there are.
/// </summary>
public sealed record ItemKind(string Key, int Length, int Width, int Height, int Count)
{
    /// <summary>The length may stand vertical.</summary>
    public bool LengthMayStand { get; init; } = true;

    /// <summary>The width may stand vertical.</summary>
    public bool WidthMayStand { get; init; } = true;

    /// <summary>The height may stand vertical (the only one for "this side up").</summary>
    public bool HeightMayStand { get; init; } = true;

    /// <summary>Nothing may rest on the item.</summary>
    public bool Fragile { get; init; }

    /// <summary>Weight of one item (kilograms for products; 0 where the instance has none).</summary>
    public double Weight { get; init; }

    public long Volume => (long)Length * Width * Height;

    /// <summary>"This side up": only turned about the vertical axis.</summary>
    public static ItemKind Upright(string key, int length, int width, int height, int count) =>
        new(key, length, width, height, count) { LengthMayStand = false, WidthMayStand = false };

    /// <summary>The distinct ways the item may lie, as (x, y, z) extents.</summary>
    public IReadOnlyList<(int X, int Y, int Z)> Orientations()
    {
        var ways = new List<(int, int, int)>(6);
        void Add(int x, int y, int z)
        {
            if (!ways.Contains((x, y, z)))
            {
                ways.Add((x, y, z));
            }
        }

        if (HeightMayStand)
        {
            Add(Length, Width, Height);
            Add(Width, Length, Height);
        }

        if (WidthMayStand)
        {
            Add(Length, Height, Width);
            Add(Height, Length, Width);
        }

        if (LengthMayStand)
        {
            Add(Width, Height, Length);
            Add(Height, Width, Length);
        }

        return ways;
    }
}
