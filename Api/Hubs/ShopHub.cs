using Microsoft.AspNetCore.SignalR;
using Tandem.Api.Identity;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Hubs;

/// <summary>
/// Anyone watches products (live stock); a signed-in shopper watches their own orders (operators any, a
/// courier those assigned to them).
/// </summary>
public sealed class ShopHub(IGrainFactory grains) : Hub
{
    public Task WatchProduct(string sku) =>
        Groups.AddToGroupAsync(Context.ConnectionId, HubContract.Groups.Product(Require(sku, "sku")));

    public Task UnwatchProduct(string sku) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubContract.Groups.Product(Require(sku, "sku")));

    public async Task WatchOrder(string orderId)
    {
        Require(orderId, "order id");
        var caller = Context.User is { } user ? Caller.TryOf(user) : null;
        if (caller is null)
        {
            throw new HubException("Sign in to watch an order.");
        }

        var order = await grains.Order(new OrderId(orderId)).GetAsync();
        if (OrderAccess.Check(caller.Value, orderId, order) is { } refused)
        {
            throw new HubException(refused.ProblemDetails.Detail);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, HubContract.Groups.Order(orderId));
    }

    /// <summary>Follows the recommendations of one of the caller's own sessions (a session not yet used becomes theirs).</summary>
    public async Task WatchSession(string sessionId)
    {
        Require(sessionId, "session id");
        if (Context.User is not { } user || Caller.TryOf(user) is not { IsShopper: true } caller)
        {
            throw new HubException("Sign in as a shopper to follow a session.");
        }

        if (!await grains.Session(new SessionId(sessionId)).ClaimAsync(caller.Subject))
        {
            throw new HubException($"No session {sessionId}.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, HubContract.Groups.Session(sessionId));
    }

    public Task UnwatchOrder(string orderId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubContract.Groups.Order(Require(orderId, "order id")));

    internal static string Require(string? value, string what) =>
        Identifier.IsValid(value) ? value! : throw new HubException($"Not a valid {what}.");
}
