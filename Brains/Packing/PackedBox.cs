namespace Tandem.Brains.Packing;

/// <summary>One box and the items placed in it (kinds index the list that was packed).</summary>
public sealed record PackedBox(BoxSize Box, IReadOnlyList<Placement> Placements)
{
    public long PackedVolume => Placements.Sum(p => p.Volume);

    /// <summary>Packed volume over the box's volume.</summary>
    public double Fill => Box.Volume == 0 ? 0 : (double)PackedVolume / Box.Volume;

    /// <summary>How many of each kind are in the box.</summary>
    public int[] Counts(int kinds)
    {
        var counts = new int[kinds];
        foreach (var p in Placements)
        {
            counts[p.Kind]++;
        }

        return counts;
    }
}
