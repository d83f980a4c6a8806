using Tandem.Contracts.Dispatch;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Dispatch;

namespace Tandem.Grains.Dispatch;

/// <summary>The zones that dispatch (kept) and each one's last window (in memory: every zone reports each window).</summary>
public sealed class DispatchMapGrain(
    [PersistentState("dispatch-map", StorageNames.Grains)] IPersistentState<DispatchMapState> state) : Grain, IDispatchMapGrain
{
    private readonly Dictionary<string, ZoneReport> _reports = new(StringComparer.Ordinal);

    public async Task AddZoneAsync(string zone)
    {
        if (state.State.Zones.Add(zone))
        {
            await state.SaveAsync(this);
        }
    }

    public Task ReportAsync(ZoneReport report)
    {
        if (!_reports.TryGetValue(report.Zone, out var held) || held.At <= report.At)
        {
            _reports[report.Zone] = report;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetZonesAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Zones]);

    public Task<IReadOnlyList<ZoneReport>> GetReportsAsync() =>
        Task.FromResult<IReadOnlyList<ZoneReport>>([.. _reports.Values.OrderBy(r => r.Zone, StringComparer.Ordinal)]);
}
