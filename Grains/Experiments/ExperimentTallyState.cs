using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Experiments;

namespace Tandem.Grains.Experiments;

/// <summary>
/// A shard of an experiment's counts: each exposed unit's variant, when it met it, and the orders it placed since. Every
/// change is a <see cref="TallyEntry"/>, so a journaling storage writes only the entries (<see cref="IJournaledState"/>).
/// </summary>
[GenerateSerializer, Alias("tandem.experiment-tally-state")]
public sealed class ExperimentTallyState : JournaledState<TallyEntry>
{
    [Id(0)] public Dictionary<string, TalliedUnit> Units { get; set; } = new(StringComparer.Ordinal);

    protected override bool Evolve(TallyEntry entry)
    {
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
}
