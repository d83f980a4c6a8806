using Microsoft.Extensions.Options;

using Tandem.Contracts.Couriers;
using Tandem.Contracts.Kpis;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Kpis;

namespace Tandem.Grains.Kpis;

/// <summary>
/// The KPI board (see <see cref="IKpiBoardGrain"/>): a region is a dispatch zone that holds a location. Couriers on shift
/// are counted from the courier boards (one call per partition), each in the zone of its last position.
/// </summary>
[StatelessWorker]
public sealed class KpiBoardGrain(IOptions<DispatchOptions> dispatch) : Grain, IKpiBoardGrain
{
    public async Task<KpiBoard> GetAsync(KpiWindow window)
    {
        var locations = await GrainFactory.Catalog().GetLocationsAsync();
        var regions = locations
            .GroupBy(l => dispatch.Value.ZoneOf(l.Position), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var overall = GrainFactory.Kpi(IKpiGrain.Overall).GetAsync(window);
        var census = GrainFactory.StockCensus().GetLastAsync();
        var couriers = GrainFactory.CouriersFromBoardsAsync();
        var reports = await Task.WhenAll(regions.Select(r => GrainFactory.Kpi(r.Key).GetAsync(window)));
        var active = (await couriers).Where(c => c.Status != CourierStatus.Offline).ToList();
        var byZone = active.Where(c => c.Position is not null).CountBy(c => dispatch.Value.ZoneOf(c.Position!)).ToDictionary(StringComparer.Ordinal);
        return new KpiBoard
        {
            Overall = await overall,
            Regions = [.. regions.Select((r, i) => new KpiRegion
            {
                Id = r.Key, Locations = [.. r.Select(l => l.Name)], Report = reports[i], ActiveCouriers = byZone.GetValueOrDefault(r.Key),
            })],
            Census = await census,
            ActiveCouriers = active.Count,
        };
    }
}
