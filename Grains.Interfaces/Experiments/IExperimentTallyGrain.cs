using Tandem.Contracts.Experiments;
using Tandem.Grains.Interfaces.Streams;

namespace Tandem.Grains.Interfaces.Experiments;

/// <summary>
/// One shard of an experiment's counts (key: <see cref="KeyOf(string, int)"/>): which units met which variant and when, and the orders
/// each placed after that (a zone: each delivery it made, worth 1 when on time; a store cell: each census that read it, worth 1
/// when it had a unit to sell). Every call is idempotent (an exposure per unit, a conversion per order, an observation per
/// census minute), so the outboxes may repeat them. A unit's shard is fixed by hashing its id.
/// </summary>
public interface IExperimentTallyGrain : IGrainWithStringKey
{
    /// <summary>Shards per experiment: a unit's shard is its stream partition (<see cref="StreamMap.PartitionOf"/>).</summary>
    public const int Shards = StreamMap.Partitions;

    public static string KeyOf(string experimentId, int shard) => $"{experimentId}/{shard}";

    /// <summary>A shard of the units of another kind than sessions (<c>region</c>, <c>cell</c>): counted apart from the sessions.</summary>
    public static string KeyOf(string experimentId, string unit, int shard) =>
        unit == ExperimentUnitKinds.Session ? KeyOf(experimentId, shard) : $"{experimentId}/{unit}/{shard}";

    /// <summary>The shard that counts <paramref name="unitId"/>.</summary>
    public static int ShardOf(string unitId) => StreamMap.PartitionOf(unitId);

    /// <summary>Records that the unit met <see cref="TallyEntry.Variant"/> (the first exposure counts; later ones change nothing).</summary>
    Task ExposeAsync(TallyEntry exposure);

    /// <summary>Records an order the exposed unit placed after its exposure (once per order); ignored for a unit never exposed.</summary>
    Task ConvertAsync(TallyEntry conversion);

    /// <summary>
    /// Records a stock census's observations of exposed store cells (each with <see cref="TallyEntry.Minute"/>, worth 1 when
    /// the cell had a unit to sell): a cell counts one observation per census minute, the first told, in the variant it was
    /// exposed to and from its exposure on; an observation of a cell never exposed, or of a minute not after its last, changes nothing.
    /// </summary>
    Task ObserveAsync(IReadOnlyList<TallyEntry> observations);

    /// <summary>Per variant index: units exposed, units converted, orders, and the revenue moments over exposed units.</summary>
    [ReadOnly]
    Task<IReadOnlyList<VariantTally>> GetAsync();
}

/// <summary>An exposure (no order) or a conversion (an order and its revenue) of one unit.</summary>
[GenerateSerializer, Immutable, Alias("tandem.tally-entry")]
public sealed record TallyEntry
{
    [Id(0)] public required string UnitId { get; init; }

    [Id(1)] public required int Variant { get; init; }

    [Id(2)] public required DateTimeOffset At { get; init; }

    [Id(3)] public string? OrderId { get; init; }

    [Id(4)] public decimal Revenue { get; init; }

    /// <summary>A census observation of a store cell: the census's minute (Unix minutes); null for exposures and conversions.</summary>
    [Id(5)] public long? Minute { get; init; }
}

[GenerateSerializer, Immutable, Alias("tandem.variant-tally")]
public sealed record VariantTally
{
    [Id(0)] public required int Variant { get; init; }

    [Id(1)] public long Exposed { get; init; }

    [Id(2)] public long Converted { get; init; }

    [Id(3)] public long Orders { get; init; }

    [Id(4)] public decimal Revenue { get; init; }

    /// <summary>The sum over exposed units of each unit's revenue squared (for the variance of revenue per unit).</summary>
    [Id(5)] public double RevenueSquares { get; init; }

    /// <summary>The sum over exposed units of each unit's orders squared (with the next, a share of orders compared clustered by unit).</summary>
    [Id(6)] public double OrderSquares { get; init; }

    /// <summary>The sum over exposed units of each unit's orders times its revenue.</summary>
    [Id(7)] public double OrderRevenue { get; init; }
}
