using Microsoft.AspNetCore.SignalR;

namespace Tandem.Api.Hubs;

/// <summary>A courier's phone: offers, assignments and the orders it carries.</summary>
public sealed class CourierHub : Hub
{
    public Task Join(string courierId) =>
        Groups.AddToGroupAsync(Context.ConnectionId, HubContract.Groups.Courier(ShopHub.Require(courierId, "courier id")));
}
