using Microsoft.AspNetCore.SignalR;

using Tandem.Api.Identity;
using Tandem.Contracts.Hubs;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Hubs;

/// <summary>
/// Anyone watches products (live stock); a signed-in shopper watches their own orders (operators any, a
/// courier those assigned to them). One connection follows at most <see cref="MaxWatched"/> groups at once.
/// </summary>
public sealed class ShopHub(IGrainFactory grains) : Hub
{
    /// <summary>How many products, orders and sessions one connection may follow at once.</summary>
    public const int MaxWatched = 200;

    public Task WatchProduct(string sku) => JoinAsync(HubContract.Groups.Product(Require(sku, "sku")));

    public Task UnwatchProduct(string sku) => LeaveAsync(HubContract.Groups.Product(Require(sku, "sku")));

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

        await JoinAsync(HubContract.Groups.Order(orderId));
    }

    /// <summary>Follows the recommendations of one of the caller's own sessions (a session not yet used becomes theirs).</summary>
    public async Task WatchSession(string sessionId)
    {
        Require(sessionId, "session id");
        if (Context.User is not { } user || Caller.TryOf(user) is not { IsShopper: true } caller)
        {
            throw new HubException("Sign in as a shopper to follow a session.");
        }

        if (!await grains.Session(new SessionId(sessionId)).ClaimAsync(caller.Shopper))
        {
            throw new HubException($"No session {sessionId}.");
        }

        await JoinAsync(HubContract.Groups.Session(sessionId));
    }

    public Task UnwatchOrder(string orderId) => LeaveAsync(HubContract.Groups.Order(Require(orderId, "order id")));

    /// <summary>The groups this connection follows (a connection's invocations run one at a time).</summary>
    private HashSet<string> Watched =>
        (HashSet<string>)(Context.Items.TryGetValue(nameof(Watched), out var set) ? set! : Context.Items[nameof(Watched)] = new HashSet<string>(StringComparer.Ordinal));

    private Task JoinAsync(string group)
    {
        if (!Watched.Contains(group) && Watched.Count >= MaxWatched)
        {
            throw new HubException($"A connection follows at most {MaxWatched} products, orders and sessions; unwatch one first.");
        }

        Watched.Add(group);
        return Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    private Task LeaveAsync(string group)
    {
        Watched.Remove(group);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
    }

    internal static string Require(string? value, string what) =>
        Identifier.IsValid(value) ? value! : throw new HubException($"Not a valid {what}.");
}
