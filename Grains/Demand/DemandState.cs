using Tandem.Grains.Interfaces.Demand;

namespace Tandem.Grains.Demand;

[GenerateSerializer, Alias("tandem.demand-state")]
public sealed class DemandState
{
    /// <summary>Days with sales or returns, oldest first.</summary>
    [Id(0)] public List<DemandDay> Days { get; set; } = [];

    /// <summary>The last two days' 15-minute buckets, oldest first.</summary>
    [Id(1)] public List<DemandQuarter> Quarters { get; set; } = [];

    /// <summary>Ids of entries counted in the last <see cref="DemandGrain.RememberIds"/> (a retried entry is older than that never).</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> Counted { get; set; } = new(StringComparer.Ordinal);

    [Id(3)] public long Version { get; set; }

    /// <summary>Days whose totals the facts tables have not acknowledged yet (written with the count, cleared once saved there).</summary>
    [Id(4)] public HashSet<DateOnly> OwedDays { get; set; } = [];
}
