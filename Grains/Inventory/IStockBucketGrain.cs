using Tandem.Grains.Interfaces.Inventory;

namespace Tandem.Grains.Inventory;

/// <summary>
/// What a split cell asks of one of its buckets (key <see cref="Tandem.Grains.Interfaces.Keys.BucketKey"/>); the
/// bucket's reservations are made through <see cref="IInventoryCellGrain"/> on the same key. Only the cell calls these,
/// and a bucket never calls its cell, so no call waits on itself.
/// <para>
/// Units move in one direction at a time, each side keeping a running total: the cell subtracts units and durably adds
/// them to what it has sent before it tells the bucket the new total, and a bucket subtracts what it gives back and
/// durably adds it to its own total before it answers. A total told twice, late or out of order changes nothing, so a
/// lost call is simply made again; the units in between are "moving" and counted once by the cell's totals.
/// </para>
/// </summary>
public interface IStockBucketGrain : IGrainWithStringKey
{
    /// <summary>
    /// The cell has sent <paramref name="fromCell"/> units in all: the bucket takes what it has not counted yet. A bucket
    /// of an older split (<paramref name="split"/> is newer) starts serving again.
    /// </summary>
    Task<BucketTally> FundAsync(long fromCell, int split);

    /// <summary>Gives back up to <paramref name="units"/> free units (never held ones); answers with what it has given back in all.</summary>
    Task<BucketTally> ReturnAsync(int units);

    /// <summary>Hands every unit, hold and ended hold back and stops serving; asked again, hands over the same.</summary>
    Task<BucketHandover> HandOverAsync();

    /// <summary>The bucket as it stands, after letting lapsed holds go.</summary>
    Task<BucketTally> TallyAsync();
}
