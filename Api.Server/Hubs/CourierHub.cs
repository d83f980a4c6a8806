using Microsoft.AspNetCore.SignalR;

using Tandem.Api.Identity;
using Tandem.Contracts.Hubs;

namespace Tandem.Api.Hubs;

/// <summary>A courier's phone: offers, assignments and the orders it carries. Only the courier the token names joins their group.</summary>
public sealed class CourierHub : Hub
{
    public Task Join(string courierId)
    {
        ShopHub.Require(courierId, "courier id");
        var self = Caller.Of(Context.User!).Subject;
        if (courierId != self)
        {
            throw new HubException($"Courier {self} cannot join courier {courierId}'s group.");
        }

        return Groups.AddToGroupAsync(Context.ConnectionId, HubContract.Groups.Courier(courierId));
    }
}
