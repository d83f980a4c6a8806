using Tandem.Contracts.Dispatch;

namespace Tandem.Grains.Interfaces.Dispatch;

/// <summary>
/// The city's dispatch at a glance (one, key "city"): the zones that have had orders (kept, so their queues can be
/// found again), and each zone's last window (its queue, free couriers, rain, decisions, assignment latency), which
/// zones read to keep couriers in busy neighbours and the control room shows.
/// </summary>
public interface IDispatchMapGrain : IGrainWithStringKey
{
    public const string Key = "city";

    /// <summary>The zone dispatches orders. Idempotent.</summary>
    Task AddZoneAsync(string zone);

    /// <summary>A zone's last window; an older report than the one held changes nothing.</summary>
    [OneWay]
    Task ReportAsync(ZoneReport report);

    [ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<string>> GetZonesAsync();

    [ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<ZoneReport>> GetReportsAsync();
}
