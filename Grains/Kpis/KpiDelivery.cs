using Tandem.Contracts.Kpis;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Kpis;

namespace Tandem.Grains.Kpis;

/// <summary>
/// How an outbox hands its KPI facts over: to the whole city's grain, to its region's when it has one, and to the variant
/// of each running experiment that assigns its region (<see cref="Experiments.ExperimentUnits.ZoneArms"/>).
/// </summary>
public static class KpiDelivery
{
    public static Task SendAsync(IGrainFactory grains, string? region, IReadOnlyList<KpiFact> facts, IEnumerable<(string ExperimentId, int Variant)>? arms = null)
    {
        if (facts.Count == 0)
        {
            return Task.CompletedTask;
        }

        var sends = new List<Task> { grains.Kpi(IKpiGrain.Overall).RecordAsync(facts) };
        if (region is not null && region != IKpiGrain.Overall)
        {
            sends.Add(grains.Kpi(region).RecordAsync(facts));
        }

        sends.AddRange((arms ?? []).Select(a => grains.KpiArm(a.ExperimentId, a.Variant).RecordAsync(facts)));
        return Task.WhenAll(sends);
    }
}
