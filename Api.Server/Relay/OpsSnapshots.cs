using Tandem.Api.Dispatch;
using Tandem.Contracts.Ops;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Relay;

/// <summary>Builds the control room's view of the city on connect, from the grains (couriers from their boards).</summary>
public sealed class OpsSnapshots(IGrainFactory grains, OpsFeed feed, TimeProvider clock)
{
    public async Task<OpsSnapshot> TakeAsync()
    {
        var locations = grains.Catalog().GetLocationsAsync();
        var waiting = DispatchApi.WaitingAsync(grains);
        var zones = grains.DispatchMap().GetReportsAsync();
        var rain = grains.Weather().GetRainAsync();
        var couriers = await grains.CouriersFromBoardsAsync();
        return new OpsSnapshot(clock.GetUtcNow(), await locations, couriers, await waiting, feed.Recent(), await zones, await rain);
    }
}
