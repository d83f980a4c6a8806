using Tandem.Contracts.Experiments;
using Tandem.Contracts.Kpis;
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

    /// <summary>
    /// The census's reading of this shard: every cell at a location of <see cref="StockReading.RegionOf"/> read from its
    /// grain, counted per region and per variant of each of <see cref="StockReading.ByCell"/> that puts the cell in one, and
    /// told to that experiment's tally as an observation of the cell (worth 1 when it had a unit to sell). Throws when a
    /// cell cannot be read (a census counts every cell or nothing); a tally that cannot be told misses this census.
    /// </summary>
    [ReadOnly, AlwaysInterleave]
    Task<StockShardCount> CountAsync(StockReading reading);
}

/// <summary>What a census asks each shard: the region of each location, and the running experiments assigning store cells.</summary>
[GenerateSerializer, Immutable, Alias("tandem.stock-reading")]
public sealed record StockReading
{
    [Id(0)] public required IReadOnlyDictionary<string, string> RegionOf { get; init; }

    [Id(1)] public IReadOnlyList<ExperimentView> ByCell { get; init; } = [];

    /// <summary>When the census reads: each exposed cell of <see cref="ByCell"/> is an observation of this minute in its experiment's tally.</summary>
    [Id(2)] public DateTimeOffset At { get; init; }
}

/// <summary>A shard's counts: per region (cells, out of stock, units), and per experiment variant (its <see cref="StockCount.Region"/> the arm's KPI key).</summary>
[GenerateSerializer, Immutable, Alias("tandem.stock-shard-count")]
public sealed record StockShardCount
{
    [Id(0)] public required IReadOnlyList<StockCount> Regions { get; init; }

    [Id(1)] public required IReadOnlyList<StockArmCount> Arms { get; init; }
}

/// <summary>What a shard counted of one experiment variant's cells.</summary>
[GenerateSerializer, Immutable, Alias("tandem.stock-arm-count")]
public sealed record StockArmCount(string ExperimentId, int Variant, StockCount Count);
