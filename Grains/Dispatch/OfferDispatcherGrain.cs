using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Brains.Dispatch;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Dispatch;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Dispatch;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Dispatch;

/// <summary>
/// Dispatch by offer, decided in windows: every <see cref="DispatchOptions.CheckEvery"/> the partition's waiting orders
/// without an open offer and the online couriers who carry nothing and have no open offer are matched together at the
/// least total cost (<see cref="WindowAssignment"/>: ride to the pickup and on to the drop-off, lateness against the
/// promise), not one order at a time; each order is offered to its courier, and the choice is kept on the order
/// (<see cref="WaitingOrder.Choice"/>). A decline or an expired offer puts the order in the next window without that
/// courier. The order leaves the queue when it is dispatched (the courier accepted) or cancelled. Orders enter and leave
/// by their own outbox calls; waiting orders are persisted, so a moved activation carries on.
/// </summary>
public sealed class OfferDispatcherGrain(
    [PersistentState("dispatch", StorageNames.Grains)] IPersistentState<OfferDispatcherState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    IOptions<DispatchOptions> options,
    ILogger<OfferDispatcherGrain> logger) : Grain, IOfferDispatcherGrain
{
    private IGrainTimer? _timer;
    private WindowAssignment _window = null!;

    private List<WaitingOrder> Waiting => state.State.Waiting;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _window = new WindowAssignment(new TravelModel(), new CostWeights(), options.Value.MaxRideToPickup);
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
        foreach (var waiting in Waiting.Where(w => w.OfferedTo is not null).ToList())
        {
            var courierId = waiting.OfferedTo!;
            var stillOpen = waiting.OfferExpiresAt > clock.GetUtcNow()
                && (!couriers.TryGetValue(courierId, out var courier) || courier.Version < waiting.OfferVersion || courier.Offer?.OrderId == waiting.OrderId);
            if (!stillOpen)
            {
                await GrainFactory.Courier(new CourierId(courierId)).WithdrawOfferAsync(new OrderId(waiting.OrderId));
                offeredNow.Remove(courierId);
                Replace(waiting with { OfferedTo = null, OfferExpiresAt = null, OfferVersion = null, Choice = null, Tried = [.. waiting.Tried, courierId] });
                changed = true;
            }
        }

        // The window: every order without an open offer against every free courier not offered one.
        var free = couriers.Values.Where(c => Free(c) && !offeredNow.Contains(c.CourierId)).ToList();
        var open = Waiting.Where(w => w.OfferedTo is null).ToList();
        foreach (var waiting in open.Where(w => w.Tried.Count > 0 && free.Count > 0 && free.All(c => w.Tried.Contains(c.CourierId))))
        {
            Replace(waiting with { Tried = [] }); // everyone free has been asked: start again
            changed = true;
        }

        open = [.. Waiting.Where(w => w.OfferedTo is null)];
        if (open.Count > 0 && free.Count > 0)
        {
            var now = clock.GetUtcNow();
            var byId = open.ToDictionary(w => w.OrderId, StringComparer.Ordinal);
            var decision = _window.Decide(
                [.. open.Select(w => new DispatchJob(w.OrderId, At(w.Pickup), At(w.Dropoff), w.Since + options.Value.PromiseWithin))],
                [.. free.Select(c => new DispatchCourier(c.CourierId, At(c.Position!), 0, 1))],
                now,
                allowed: (job, courier) => !byId[job.Id].Tried.Contains(courier.Id));
            foreach (var assignment in decision.Assignments)
            {
                var current = byId[assignment.Job.Id];
                var expires = now + options.Value.OfferTimeout;
                var offered = await GrainFactory.Courier(new CourierId(assignment.Courier.Id)).OfferAsync(new CourierOffer
                {
                    OrderId = current.OrderId, PickupLocationId = current.PickupLocationId, Pickup = current.Pickup, Dropoff = current.Dropoff,
                    OfferedAt = now, ExpiresAt = expires,
                });
                if (offered.Outcome is CourierOutcome.Applied or CourierOutcome.Replayed)
                {
                    Replace(current with
                    {
                        OfferedTo = assignment.Courier.Id, OfferExpiresAt = expires, OfferVersion = offered.Courier?.Version,
                        Choice = Choice(assignment, now, free.Count(c => !current.Tried.Contains(c.CourierId)), open.Count),
                    });
                    changed = true;
                }
            }
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

    private void Replace(WaitingOrder order) => Waiting[Waiting.FindIndex(w => w.OrderId == order.OrderId)] = order;

    private static Place At(GeoPoint point) => new(point.Lat, point.Lon);

    private static DispatchChoice Choice(Assignment assignment, DateTimeOffset window, int candidates, int orders) => new()
    {
        CourierId = assignment.Courier.Id,
        Window = window,
        Candidates = candidates,
        OrdersInWindow = orders,
        ToPickupSeconds = Math.Round(assignment.Cost.ToPickup.TotalSeconds, 1),
        ToDropoffSeconds = Math.Round(assignment.Cost.ToDropoff.TotalSeconds, 1),
        LateSeconds = Math.Round(assignment.Cost.Late.TotalSeconds, 1),
        LoadSeconds = Math.Round(assignment.Cost.LoadSeconds, 1),
        Cost = Math.Round(assignment.Cost.Total, 1),
    };
}
