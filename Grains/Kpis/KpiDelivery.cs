using Tandem.Contracts.Kpis;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Kpis;

namespace Tandem.Grains.Kpis;

/// <summary>How an outbox hands its KPI facts over: to the whole city's grain and, when it has one, to its region's.</summary>
public static class KpiDelivery
{
    public static Task SendAsync(IGrainFactory grains, string? region, IReadOnlyList<KpiFact> facts) =>
        facts.Count == 0 ? Task.CompletedTask
        : region is null || region == IKpiGrain.Overall ? grains.Kpi(IKpiGrain.Overall).RecordAsync(facts)
        : Task.WhenAll(grains.Kpi(IKpiGrain.Overall).RecordAsync(facts), grains.Kpi(region).RecordAsync(facts));
}
