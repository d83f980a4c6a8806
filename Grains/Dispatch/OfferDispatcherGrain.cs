using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Couriers;
using Tandem.Grains.Interfaces.Dispatch;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Interfaces.Streams;

namespace Tandem.Grains.Dispatch;

/// <summary>
/// Nearest-idle-courier dispatch by offer: a packed delivery order is offered to the closest online courier who
/// carries nothing and has no open offer; a decline or an expired offer moves it to the next closest. The order
/// leaves the queue when it is dispatched (the courier accepted) or cancelled. Implicitly subscribed to its
/// partition of the order stream; waiting orders are persisted, so a moved activation carries on.
/// </summary>
[ImplicitStreamSubscription(StreamMap.Orders)]
public sealed class OfferDispatcherGrain(
    [PersistentState("dispatch", StorageNames.Grains)] IPersistentState<OfferDispatcherState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    IOptions<DispatchOptions> options,
    ILogger<OfferDispatcherGrain> logger) : Grain, IOfferDispatcherGrain, IStreamSubscriptionObserver
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

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<OrderChanged>().ResumeAsync((change, _) => OnOrderAsync(change.Order));

    public Task<IReadOnlyList<WaitingOrder>> GetWaitingAsync() => Task.FromResult<IReadOnlyList<WaitingOrder>>([.. Waiting]);

    private async Task OnOrderAsync(OrderView order)
    {
        if (!options.Value.Offers)
        {
            return;
        }

        var index = Waiting.FindIndex(w => w.OrderId == order.OrderId);
        if (order.Mode == FulfilmentMode.Delivery && order.Status == OrderStatus.Packed && index < 0)
        {
            var pickup = (await GrainFactory.Catalog().GetLocationsAsync()).First(l => l.Id == order.Lines[0].LocationId);
            Waiting.Add(new WaitingOrder
            {
                OrderId = order.OrderId, PickupLocationId = pickup.Id, Pickup = pickup.Position, Dropoff = order.DeliveryAddress!, Since = clock.GetUtcNow(),
            });
            await state.SaveAsync(this);
            EnsureTimer();
            await OfferWaitingAsync();
        }
        else if (order.Status != OrderStatus.Packed && index >= 0)
        {
            await CloseAsync(Waiting[index]);
        }
    }

    private void EnsureTimer() =>
        _timer ??= this.RegisterGrainTimer(_ => OfferWaitingAsync(), new GrainTimerCreationOptions
        {
            DueTime = options.Value.CheckEvery, Period = options.Value.CheckEvery, KeepAlive = true,
        });

    /// <summary>Looks at every waiting order: closes finished ones, notices declines and expiries, offers the rest.</summary>
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
            var order = await GrainFactory.Order(new OrderId(waiting.OrderId)).GetAsync();
            if (order is null || order.Status != OrderStatus.Packed)
            {
                await CloseAsync(waiting);
                continue;
            }

            var current = waiting;
            if (current.OfferedTo is { } courierId)
            {
                var stillOpen = couriers.TryGetValue(courierId, out var courier) && courier.Offer?.OrderId == current.OrderId
                    && current.OfferExpiresAt > clock.GetUtcNow();
                if (stillOpen)
                {
                    continue;
                }

                await GrainFactory.Courier(new CourierId(courierId)).WithdrawOfferAsync(current.OrderId);
                offeredNow.Remove(courierId);
                current = current with { OfferedTo = null, OfferExpiresAt = null, Tried = [.. current.Tried, courierId] };
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
                    current = current with { OfferedTo = next.CourierId, OfferExpiresAt = expires };
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
            await GrainFactory.Courier(new CourierId(courierId)).WithdrawOfferAsync(waiting.OrderId);
        }

        Waiting.RemoveAll(w => w.OrderId == waiting.OrderId);
        await state.SaveAsync(this);
        logger.LogDebug("Order {OrderId} left the dispatch queue", waiting.OrderId);
    }

    private async Task<Dictionary<string, CourierView>> CourierViewsAsync()
    {
        var ids = await GrainFactory.CourierDirectory().GetAllAsync();
        var views = await Task.WhenAll(ids.Select(id => GrainFactory.Courier(new CourierId(id)).GetAsync()));
        return views.OfType<CourierView>().ToDictionary(c => c.CourierId);
    }

    private static bool Free(CourierView courier) =>
        courier.Status == CourierStatus.Idle && courier.Offer is null && courier.Position is not null;

    private static CourierView? Nearest(WaitingOrder waiting, IEnumerable<CourierView> couriers) =>
        couriers.Where(c => Free(c) && !waiting.Tried.Contains(c.CourierId)).MinBy(c => c.Position!.DistanceKm(waiting.Pickup));
}
