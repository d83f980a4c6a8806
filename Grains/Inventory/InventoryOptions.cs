namespace Tandem.Grains.Inventory;

/// <summary>When an inventory cell splits into buckets for a rush, and when it takes them back (section <c>Tandem:Inventory</c>).</summary>
public sealed class InventoryOptions
{
    /// <summary>How many buckets a hot cell splits into; 0 keeps every cell whole.</summary>
    public int Buckets { get; set; } = 4;

    /// <summary>A whole cell splits once it answers this many reservations within one second.</summary>
    public int SplitAtReservationsPerSecond { get; set; } = 2_000;

    /// <summary>A split cell counts as quiet in a second with fewer reservations than this.</summary>
    public int QuietBelowReservationsPerSecond { get; set; } = 100;

    /// <summary>A split cell merges after this long quiet.</summary>
    public TimeSpan MergeAfterQuiet { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a split cell reads its buckets and tells readers its totals (stock stream, control room).</summary>
    public TimeSpan TotalsEvery { get; set; } = TimeSpan.FromMilliseconds(250);
}
