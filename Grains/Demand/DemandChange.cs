using Tandem.Grains.Interfaces.Demand;

namespace Tandem.Grains.Demand;

/// <summary>
/// One change of a cell's demand (<see cref="DemandState"/>): a sale or return counted, past days put in place, or days'
/// totals the facts tables took. A journaling storage writes these, not the whole state.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.demand-change")]
public sealed record DemandChange
{
    /// <summary>A sale or return to count (once, by its id).</summary>
    [Id(0)] public DemandEntry? Entry { get; init; }

    /// <summary>When the grain made the change: an entry's id is remembered from then, and buckets older than two days then are not kept.</summary>
    [Id(1)] public DateTimeOffset At { get; init; }

    /// <summary>Past days to put in place on a cell that has none.</summary>
    [Id(2)] public IReadOnlyList<DemandDay>? Seeded { get; init; }

    /// <summary>Days' totals the facts tables acknowledged: a day is owed no more unless its totals have changed since.</summary>
    [Id(3)] public IReadOnlyList<DemandDay>? Saved { get; init; }
}
