using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Contracts.Couriers;
using Tandem.Contracts.Dispatch;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Dispatch;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Dispatch;

/// <summary>
/// Nearest-idle-courier dispatch by offer: a packed delivery order is offered to the closest online courier who
/// carries nothing and has no open offer; a decline or an expired offer moves it to the next closest. The order
/// leaves the queue when it is dispatched (the courier accepted) or cancelled. Implicitly subscribed to its
/// partition of order ids. Orders enter and leave by their own outbox calls; waiting orders are persisted, so a moved
/// activation carries on.
/// </summary>
public sealed class OfferDispatcherGrain(
    [PersistentState("dispatch", StorageNames.Grains)] IPersistentState<OfferDispatcherState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    IOptions<DispatchOptions> options,
    ILogger<OfferDispatcherGrain> logger) : Grain, IOfferDispatcherGrain
{
    private IGrainTimer? _timer;

    private List<WaitingOrder> Waiting => state.State.Waiting;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Waiting.Count > 0)
        {
            EnsureTimer();
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WaitingOrder>> GetWaitingAsync() => Task.FromResult<IReadOnlyList<WaitingOrder>>([.. Waiting]);

    public async Task EnqueueAsync(WaitingOrder order)
    {
        if (!options.Value.Offers || Waiting.Exists(w => w.OrderId == order.OrderId))
        {
            return;
        }

        Waiting.Add(order with { OfferedTo = null, OfferExpiresAt = null, OfferVersion = null, Tried = [] });
        await state.SaveAsync(this);
        EnsureTimer(soon: true); // offered in a turn of its own: the order that called is not kept waiting
    }

    public async Task LeaveAsync(OrderId orderId)
    {
        if (Waiting.Find(w => w.OrderId == orderId.Value) is { } waiting)
        {
            await CloseAsync(waiting);
        }
    }

    private void EnsureTimer(bool soon = false)
    {
        var period = options.Value.CheckEvery;
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(_ => OfferWaitingAsync(), new GrainTimerCreationOptions
            {
                DueTime = soon ? TimeSpan.Zero : period, Period = period, KeepAlive = true,
            });
        }
        else if (soon)
        {
            _timer.Change(TimeSpan.Zero, period);
        }
    }

    /// <summary>
    /// Looks at every waiting order: notices declines and expiries, offers the rest. It never calls an order (orders
    /// call it), so an order waiting on the dispatcher and the dispatcher waiting on an order cannot deadlock.
    /// </summary>
    private async Task OfferWaitingAsync()
    {
        if (Waiting.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
            return;
        }

        var couriers = await CourierViewsAsync();
        var offeredNow = new HashSet<string>(Waiting.Select(w => w.OfferedTo).OfType<string>());
        var changed = false;
        foreach (var waiting in Waiting.ToList())
        {
            var current = waiting;
            if (current.OfferedTo is { } courierId)
            {
                var stillOpen = current.OfferExpiresAt > clock.GetUtcNow()
                    && (!couriers.TryGetValue(courierId, out var courier) || courier.Version < current.OfferVersion || courier.Offer?.OrderId == current.OrderId);
                if (stillOpen)
                {
                    continue;
                }

                await GrainFactory.Courier(new CourierId(courierId)).WithdrawOfferAsync(new OrderId(current.OrderId));
                offeredNow.Remove(courierId);
                current = current with { OfferedTo = null, OfferExpiresAt = null, OfferVersion = null, Tried = [.. current.Tried, courierId] };
                changed = true;
            }

            var next = Nearest(current, couriers.Values.Where(c => !offeredNow.Contains(c.CourierId)));
            if (next is null && current.Tried.Count > 0 && couriers.Values.Any(Free))
            {
                current = current with { Tried = [] }; // everyone free has been asked: start again
                next = Nearest(current, couriers.Values.Where(c => !offeredNow.Contains(c.CourierId)));
                changed = true;
            }

            if (next is not null)
            {
                var expires = clock.GetUtcNow() + options.Value.OfferTimeout;
                var offered = await GrainFactory.Courier(new CourierId(next.CourierId)).OfferAsync(new CourierOffer
                {
                    OrderId = current.OrderId, PickupLocationId = current.PickupLocationId, Pickup = current.Pickup, Dropoff = current.Dropoff,
                    OfferedAt = clock.GetUtcNow(), ExpiresAt = expires,
                });
                if (offered.Outcome is CourierOutcome.Applied or CourierOutcome.Replayed)
                {
                    current = current with { OfferedTo = next.CourierId, OfferExpiresAt = expires, OfferVersion = offered.Courier?.Version };
                    offeredNow.Add(next.CourierId);
                    changed = true;
                }
            }

            Waiting[Waiting.FindIndex(w => w.OrderId == current.OrderId)] = current;
        }

        if (changed)
        {
            await state.SaveAsync(this);
        }
    }

    private async Task CloseAsync(WaitingOrder waiting)
    {
        if (waiting.OfferedTo is { } courierId)
        {
            await GrainFactory.Courier(new CourierId(courierId)).WithdrawOfferAsync(new OrderId(waiting.OrderId));
        }

        Waiting.RemoveAll(w => w.OrderId == waiting.OrderId);
        await state.SaveAsync(this);
        logger.LeftQueue(waiting.OrderId);
    }

    /// <summary>Every courier from the courier boards (the read model of the courier stream): one call per partition.</summary>
    private async Task<Dictionary<string, CourierView>> CourierViewsAsync() =>
        (await GrainFactory.CouriersFromBoardsAsync()).ToDictionary(c => c.CourierId, StringComparer.Ordinal);

    private static bool Free(CourierView courier) =>
        courier.Status == CourierStatus.Idle && courier.Offer is null && courier.Position is not null;

    private static CourierView? Nearest(WaitingOrder waiting, IEnumerable<CourierView> couriers) =>
        couriers.Where(c => Free(c) && !waiting.Tried.Contains(c.CourierId)).MinBy(c => c.Position!.DistanceKm(waiting.Pickup));
}
