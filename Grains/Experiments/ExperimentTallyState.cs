using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Experiments;

namespace Tandem.Grains.Experiments;

/// <summary>
/// A shard of an experiment's counts: each exposed unit's variant, when it met it, and the orders it placed since (a store
/// cell: the censuses that read it since, and in how many it had a unit to sell). Every
/// change is a <see cref="TallyEntry"/>, so a journaling storage writes only the entries (<see cref="IJournaledState"/>).
/// </summary>
[GenerateSerializer, Alias("tandem.experiment-tally-state")]
public sealed class ExperimentTallyState : JournaledState<TallyEntry>
{
    [Id(0)] public Dictionary<string, TalliedUnit> Units { get; set; } = new(StringComparer.Ordinal);

    protected override bool Evolve(TallyEntry entry)
    {
        if (entry.Minute is { } minute)
        {
            if (!Units.TryGetValue(entry.UnitId, out var observed) || observed.Variant != entry.Variant || entry.At < observed.ExposedAt || minute <= observed.LastMinute)
            {
                return false;
            }

            observed.Observations++;
            observed.Revenue += entry.Revenue;
            observed.LastMinute = minute;
            return true;
        }

        if (entry.OrderId is null)
        {
            if (Units.ContainsKey(entry.UnitId))
            {
                return false;
            }

            Units[entry.UnitId] = new TalliedUnit { Variant = entry.Variant, ExposedAt = entry.At };
            return true;
        }

        if (!Units.TryGetValue(entry.UnitId, out var unit) || unit.Variant != entry.Variant || entry.At < unit.ExposedAt || unit.Orders.Contains(entry.OrderId))
        {
            return false;
        }

        unit.Orders.Add(entry.OrderId);
        unit.Revenue += entry.Revenue;
        return true;
    }
}

[GenerateSerializer, Alias("tandem.tallied-unit")]
public sealed class TalliedUnit
{
    [Id(0)] public int Variant { get; set; }

    [Id(1)] public DateTimeOffset ExposedAt { get; set; }

    [Id(2)] public List<string> Orders { get; set; } = [];

    [Id(3)] public decimal Revenue { get; set; }

    /// <summary>A store cell's census observations since its exposure (one per census minute).</summary>
    [Id(4)] public long Observations { get; set; }

    /// <summary>The census minute last observed (a census of that minute or before, told again, changes nothing).</summary>
    [Id(5)] public long LastMinute { get; set; }

    /// <summary>The unit's events: its orders (a session, a zone's deliveries) or its census observations (a store cell).</summary>
    public long Events => Orders.Count + Observations;
}
