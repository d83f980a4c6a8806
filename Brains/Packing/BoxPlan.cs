namespace Tandem.Brains.Packing;

/// <summary>The boxes chosen for a set of items and what fits no box (counts per kind, indexed like the kinds packed).</summary>
public sealed record BoxPlan(IReadOnlyList<PackedBox> Boxes, IReadOnlyList<int> Unplaced)
{
    public long BoxVolume => Boxes.Sum(b => b.Box.Volume);

    public long PackedVolume => Boxes.Sum(b => b.PackedVolume);

    /// <summary>Packed volume over the chosen boxes' volume.</summary>
    public double Fill => BoxVolume == 0 ? 0 : (double)PackedVolume / BoxVolume;
}
