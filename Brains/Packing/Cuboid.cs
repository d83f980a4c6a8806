namespace Tandem.Brains.Packing;

/// <summary>An axis-aligned region of a box, from (X1, Y1, Z1) up to but not including (X2, Y2, Z2).</summary>
internal readonly record struct Cuboid(int X1, int Y1, int Z1, int X2, int Y2, int Z2)
{
    public int Dx => X2 - X1;

    public int Dy => Y2 - Y1;

    public int Dz => Z2 - Z1;

    public long Volume => (long)Dx * Dy * Dz;

    public bool Intersects(Cuboid o) => X1 < o.X2 && o.X1 < X2 && Y1 < o.Y2 && o.Y1 < Y2 && Z1 < o.Z2 && o.Z1 < Z2;

    public bool Contains(Cuboid o) => X1 <= o.X1 && Y1 <= o.Y1 && Z1 <= o.Z1 && o.X2 <= X2 && o.Y2 <= Y2 && o.Z2 <= Z2;
}
