using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Tandem.Contracts.Sessions;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Sessions;

namespace Tandem.Grains.Sessions;

/// <summary>A shopper session: cart, bounded recent behaviour, open orders.</summary>
public sealed class SessionGrain(
    [PersistentState("session", StorageNames.Grains)] IPersistentState<SessionState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    private EventPublisher? _events;

    private SessionState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new EventPublisher(this, logger);
        return Task.CompletedTask;
    }

    public async Task<bool> ClaimAsync(ShopperId shopper)
    {
        var shopperId = shopper.Value;
        if (Claim(shopperId))
        {
            await state.SaveAsync(this);
        }

        return S.ShopperId == shopperId;
    }

    public async Task<SessionView?> SetCartLineAsync(ShopperId shopper, string sku, int quantity)
    {
        var shopperId = shopper.Value;
        var claimed = Claim(shopperId);
        if (S.ShopperId != shopperId)
        {
            return null;
        }

        var index = S.Cart.FindIndex(l => l.Sku == sku);
        var current = index < 0 ? 0 : S.Cart[index].Quantity;
        if (current == quantity)
        {
            if (claimed)
            {
                await state.SaveAsync(this);
            }

            return View();
        }

        if (quantity == 0)
        {
            S.Cart.RemoveAt(index);
        }
        else if (index < 0)
        {
            S.Cart.Add(new CartLine { Sku = sku, Quantity = quantity });
        }
        else
        {
            S.Cart[index] = new CartLine { Sku = sku, Quantity = quantity };
        }

        await SaveAndPublishAsync(SessionChangeKind.Cart, [sku], 0);
        return View();
    }

    public async Task<int?> RecordEventsAsync(ShopperId shopper, IReadOnlyList<BehaviourEvent> events)
    {
        var shopperId = shopper.Value;
        var claimed = Claim(shopperId);
        if (S.ShopperId != shopperId)
        {
            return null;
        }

        var known = new HashSet<BehaviourEvent>(S.RecentEvents);
        var fresh = events.Where(known.Add).ToList();
        if (fresh.Count == 0)
        {
            if (claimed)
            {
                await state.SaveAsync(this);
            }

            return 0;
        }

        S.RecentEvents.AddRange(fresh);
        S.RecentEvents.Sort((a, b) => a.At.CompareTo(b.At));
        S.RecentEvents.TrimTo(SessionLimits.MaxRecentEvents);
        S.EventsSeen += fresh.Count;
        var skus = fresh.Select(e => e.Sku).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        await SaveAndPublishAsync(SessionChangeKind.Behaviour, skus, fresh.Count);
        return fresh.Count;
    }

    /// <summary>Makes <paramref name="shopperId"/> the owner of a session nobody owns yet; true when it did (unsaved).</summary>
    private bool Claim(string shopperId)
    {
        if (S.ShopperId is not null)
        {
            return false;
        }

        S.ShopperId = shopperId;
        return true;
    }

    public async Task OrderPlacedAsync(OrderId order, IReadOnlyList<string> skus)
    {
        var orderId = order.Value;
        if (S.OpenOrders.Contains(orderId))
        {
            return;
        }

        S.OpenOrders.Add(orderId);
        S.Cart.RemoveAll(l => skus.Contains(l.Sku));
        await SaveAndPublishAsync(SessionChangeKind.Orders, skus, 0);
    }

    public async Task OrderClosedAsync(OrderId order)
    {
        var orderId = order.Value;
        if (S.OpenOrders.Remove(orderId))
        {
            await SaveAndPublishAsync(SessionChangeKind.Orders, [], 0);
        }
    }

    public Task<SessionView> GetAsync() => Task.FromResult(View());

    private async Task SaveAndPublishAsync(SessionChangeKind kind, IReadOnlyList<string> skus, int eventCount)
    {
        S.Version++;
        await state.SaveAsync(this);
        var sessionId = this.GetPrimaryKeyString();
        await _events!.PublishAsync(SessionChanged.StreamNamespace, sessionId, new SessionChanged
        {
            SessionId = sessionId, Kind = kind, Skus = skus, EventCount = eventCount, Version = S.Version, At = clock.GetUtcNow(),
        });
    }

    private SessionView View() => new()
    {
        SessionId = this.GetPrimaryKeyString(),
        Cart = [.. S.Cart],
        RecentEvents = [.. S.RecentEvents],
        OpenOrders = [.. S.OpenOrders],
        EventsSeen = S.EventsSeen,
        Version = S.Version,
        ShopperId = S.ShopperId,
    };
}
