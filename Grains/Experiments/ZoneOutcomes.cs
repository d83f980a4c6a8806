using Tandem.Contracts.Experiments;
using Tandem.Contracts.Kpis;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Experiments;

/// <summary>
/// What a zone in a dispatch-window experiment did, per delivery: each delivery its orders made is an observation of the
/// zone (worth 1 when on time, else 0) in the tally of the variant the zone is in, once per order. With the zone's
/// exposure there, the results compare the variants' on-time shares clustered by zone (the unit assigned), not by order.
/// </summary>
public static class ZoneOutcomes
{
    /// <summary>Records the deliveries among <paramref name="facts"/> (an order's KPI facts) for each of its zone's <paramref name="arms"/>; idempotent per order.</summary>
    public static Task RecordAsync(IGrainFactory grains, string region, IReadOnlyCollection<(string ExperimentId, int Variant)> arms, string orderId, IReadOnlyList<KpiFact> facts)
    {
        var delivered = arms.Count == 0 ? null : facts.FirstOrDefault(f => f.Measure == KpiMeasure.Delivery); // every order's count passes here: most zones are in no experiment
        return delivered is null
            ? Task.CompletedTask
            : Task.WhenAll(arms.Select(a => grains.ExperimentTally(a.ExperimentId, ExperimentUnitKinds.Region, IExperimentTallyGrain.ShardOf(region)).ConvertAsync(new TallyEntry
            {
                UnitId = region, Variant = a.Variant, At = delivered.At, OrderId = orderId, Revenue = delivered.Value >= 1 ? 1 : 0,
            })));
    }
}
