using Microsoft.AspNetCore.SignalR;

using Tandem.Api.Relay;
using Tandem.Contracts.Hubs;

namespace Tandem.Api.Hubs;

/// <summary>The control room: a snapshot on connect, then batches of every event.</summary>
public sealed class OpsHub(OpsSnapshots snapshots) : Hub
{
    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, HubContract.Groups.Ops);
        await Clients.Caller.SendAsync(HubContract.Events.Snapshot, await snapshots.TakeAsync(), Context.ConnectionAborted);
    }
}
