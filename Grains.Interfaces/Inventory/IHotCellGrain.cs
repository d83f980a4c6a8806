namespace Tandem.Grains.Interfaces.Inventory;

/// <summary>
/// The rush side of an inventory cell (same key and activation as <see cref="IInventoryCellGrain"/>). A cell that gets
/// hot splits its free units into bucket grains; reservations and their later commands go to the bucket their id
/// hashes to, a bucket that runs dry is refilled from the cell's pool or from its siblings, and the cell says "sold
/// out" only once every bucket is empty. The buckets hand everything back when the rush ends. Callers of the cell
/// notice none of it.
/// </summary>
public interface IHotCellGrain : IGrainWithStringKey
{
    /// <summary>Splits the cell into <paramref name="buckets"/> buckets (1–64) now; a split cell stays as it is.</summary>
    Task<HotCellView> SplitAsync(int buckets);

    /// <summary>Takes every unit and hold back from the buckets now; a whole cell stays as it is.</summary>
    Task<HotCellView> MergeAsync();

    /// <summary>The cell, its buckets read now, and its reservation rate.</summary>
    Task<HotCellView> GetHotViewAsync();
}
