using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Interfaces.Kpis;

/// <summary>
/// One shard of the cells the stock census counts (key <c>0</c>–<see cref="Shards"/> − 1; a cell's shard by
/// <see cref="ShardOf"/>): each cell adds itself before it answers its first receipt, count or bin. Sharded so that a new
/// cell's write holds a small part of the city's cells.
/// </summary>
public interface IStockRangeGrain : IGrainWithIntegerKey
{
    public const int Shards = 64;

    public static int ShardOf(string cell) => (int)(KeyHash.Of(cell) % Shards);

    /// <summary>Adds the cell (<c>sku@location</c>); answers once that is saved. A cell already in answers at once. Idempotent.</summary>
    Task AddAsync(string cell);

    /// <summary>The shard's cells.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<string>> GetAsync();
}
