namespace Tandem.Brains.Packing;

/// <summary>A box (or container) to pack into: inner size in the items' units and the most weight it carries.</summary>
public sealed record BoxSize(string Key, int Length, int Width, int Height)
{
    /// <summary>Most total weight of the items in it; unlimited by default.</summary>
    public double MaxWeight { get; init; } = double.PositiveInfinity;

    public long Volume => (long)Length * Width * Height;
}
