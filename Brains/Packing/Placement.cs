namespace Tandem.Brains.Packing;

/// <summary>One item in a box: which kind (index into the kinds packed), its lowest corner and its extents along x, y, z (z is up).</summary>
public readonly record struct Placement(int Kind, int X, int Y, int Z, int Dx, int Dy, int Dz)
{
    public int X2 => X + Dx;

    public int Y2 => Y + Dy;

    public int Z2 => Z + Dz;

    public long Volume => (long)Dx * Dy * Dz;

    /// <summary>Area of this item's base lying on <paramref name="below"/>'s top (0 unless it sits exactly on it).</summary>
    public long RestingArea(Placement below) =>
        below.Z2 != Z ? 0 : Overlap(X, X2, below.X, below.X2) * Overlap(Y, Y2, below.Y, below.Y2);

    public bool Overlaps(Placement other) =>
        X < other.X2 && other.X < X2 && Y < other.Y2 && other.Y < Y2 && Z < other.Z2 && other.Z < Z2;

    private static long Overlap(int a1, int a2, int b1, int b2) => Math.Max(0, Math.Min(a2, b2) - Math.Max(a1, b1));
}
