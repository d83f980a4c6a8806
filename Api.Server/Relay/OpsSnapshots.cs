using Tandem.Contracts.Ops;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Relay;

/// <summary>Builds the control room's view of the city on connect, from the grains (couriers from their boards).</summary>
public sealed class OpsSnapshots(IGrainFactory grains, OpsFeed feed, TimeProvider clock)
{
    public async Task<OpsSnapshot> TakeAsync()
    {
        var locations = grains.Catalog().GetLocationsAsync();
        var waiting = Task.WhenAll(grains.OfferDispatchers().Select(d => d.GetWaitingAsync()));
        var couriers = await grains.CouriersFromBoardsAsync();
        return new OpsSnapshot(clock.GetUtcNow(), await locations, couriers,
            [.. (await waiting).SelectMany(w => w).OrderBy(w => w.Since)], feed.Recent());
    }
}
