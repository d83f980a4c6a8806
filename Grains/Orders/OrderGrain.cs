using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Orders;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Grains.Orders;

/// <summary>
/// One order. Drives its own small saga: reserving its lines at inventory cells, committing them when packed,
/// assigning a courier, giving stock back when cancelled. Not reentrant, so two commands never interleave.
/// <para>
/// Every step is ordered so that a failure at any point is finished idempotently by a retry: the plan (lines,
/// cells, reservation ids) is saved before any hold is taken; cancel and dispatch save a <see cref="PendingStep"/>
/// before their first call to another grain; and what other grains must learn (the session, the dispatch queue)
/// is an <see cref="OrderDuty"/> written with the change and retried until acknowledged. The order's reminder,
/// registered from placement until it is finished, does both after a crash.
/// </para>
/// </summary>
public sealed class OrderGrain(
    [PersistentState("order", StorageNames.Grains)] IPersistentState<OrderState> state,
    IOptions<OrderOptions> options,
    IOptions<DispatchOptions> dispatch,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    private const string System = "system";

    private EventPublisher? _events;
    private OrderStock? _stock;
    private OrderOutbox? _outbox;

    private OrderState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    private OrderOptions Options => options.Value;

    private OrderStock Stock => _stock!;

    private OrderOutbox Outbox => _outbox!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new EventPublisher(this, logger);
        _stock = new OrderStock(Id, () => S, () => state.SaveAsync(this), GrainFactory, Options, logger);
        _outbox = new OrderOutbox(this, GrainFactory, Id, () => S, () => state.SaveAsync(this), RetryAsync, Options, dispatch.Value, clock, logger);
        if (S.Duties.Count > 0 || S.Step is not null)
        {
            Outbox.ScheduleRetry();
        }

        return Task.CompletedTask;
    }

    public async Task<OrderResult> PlaceAsync(PlaceOrder request)
    {
        var fingerprint = request.Fingerprint();
        if (S.Placed)
        {
            return S.Fingerprint == fingerprint
                ? Result(OrderOutcome.Replayed)
                : Refuse(OrderOutcome.KeyReused, "This idempotency key was used for a different order.");
        }

        if (S.Lines.Count > 0 && S.Fingerprint != fingerprint)
        {
            await AbandonPlanAsync(); // an interrupted placement of another request under this key: let its holds go
        }

        var catalog = GrainFactory.Catalog();
        var skus = request.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToList();
        var products = (await catalog.GetProductsAsync(skus)).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var unknown = skus.Where(s => !products.ContainsKey(s)).ToList();
        if (unknown.Count > 0)
        {
            return Refuse(OrderOutcome.UnknownReference, $"Unknown sku: {string.Join(", ", unknown)}.");
        }

        var locations = await catalog.GetLocationsAsync();
        IReadOnlyList<Location> candidates;
        if (request.Mode == FulfilmentMode.Pickup)
        {
            var store = locations.FirstOrDefault(l => l.Id == request.PickupLocationId);
            if (store is null)
            {
                return Refuse(OrderOutcome.UnknownReference, $"Unknown location: {request.PickupLocationId}.");
            }

            if (store.Kind != LocationKind.Store)
            {
                return Refuse(OrderOutcome.Invalid, $"{store.Name} is a warehouse; pick-up is only at stores.");
            }

            candidates = [store];
        }
        else
        {
            if (request.DeliveryAddress is not { } address)
            {
                return Refuse(OrderOutcome.Invalid, "A delivery order needs an address.");
            }

            candidates = [.. locations.OrderBy(l => l.Position.DistanceKm(address))];
        }

        var attempts = request.Mode == FulfilmentMode.Pickup ? 1 : Math.Max(1, Options.PlaceAttempts);
        var spentRetries = 0;
        for (var tries = 1; tries <= attempts; tries++)
        {
            if (S.Lines.Count == 0)
            {
                // A new plan, saved before any hold is taken: a retry after a failure reuses exactly these holds.
                var plan = await FulfilmentPlanner.PlanAsync(request.Lines, candidates, Stock.AvailableAsync);
                if (plan.LocationId is not { } from)
                {
                    return await RefusePlacementAsync(OrderOutcome.Insufficient, plan.Unavailable.Count > 0
                        ? $"Not enough stock for: {string.Join(", ", plan.Unavailable)}."
                        : "No single location has every line: an order comes from one location, so order these lines separately.");
                }

                var attempt = S.NextAttempt;
                S.Lines = [.. request.Lines.Select((l, i) => new OrderLine
                {
                    Sku = l.Sku,
                    Quantity = l.Quantity,
                    LocationId = from,
                    ReservationId = $"{Id}.{attempt}.{i}",
                    UnitPrice = products[l.Sku].Price,
                })];
                S.Fingerprint = fingerprint;
                S.ShopperId = request.ShopperId;
                S.SessionId = request.SessionId;
                S.PlannedAt = clock.GetUtcNow();
                await Outbox.WatchAsync();
                await state.SaveAsync(this);
            }

            // No shopper may hold every unit: the order's units count against its shopper until it is packed.
            var units = S.Lines.Sum(l => l.Quantity);
            var counted = await GrainFactory.ShopperHolds(new ShopperId(request.ShopperId)).TryHoldAsync(Id, units, Options.MaxReservedUnitsPerShopper);
            if (!counted.Allowed)
            {
                S.Lines = [];
                S.PlannedAt = null; // saved by the refusal, which also stops the reminder
                return await RefusePlacementAsync(OrderOutcome.HoldLimitReached,
                    $"You hold {counted.Held} units in orders not yet packed; at most {Options.MaxReservedUnitsPerShopper} at once.");
            }

            var held = await Stock.ReserveAllAsync(S.Lines);
            if (held == OrderStock.Hold.Held)
            {
                var now = clock.GetUtcNow();
                S.Placed = true;
                S.Mode = request.Mode;
                S.PickupLocationId = request.PickupLocationId;
                S.DeliveryAddress = request.DeliveryAddress;
                S.PlacedAt = now;
                S.PlannedAt = null;
                S.History.Add(new OrderTransition { From = null, To = OrderStatus.Placed, At = now, Actor = "shopper:" + request.ShopperId });
                return await MoveAsync(OrderStatus.Reserved, System, null, new OrderDuty { Kind = OrderDutyKind.SessionOrderPlaced, Skus = skus });
            }

            // This plan's holds are released and its ids are spent; the next attempt plans anew with new ones.
            await Stock.GiveBackAllAsync(S.Lines);
            S.Lines = [];
            S.PlannedAt = null;
            S.NextAttempt++;
            await state.SaveAsync(this);
            if (held == OrderStock.Hold.SpentIds && spentRetries++ < 3)
            {
                tries--; // an earlier, interrupted attempt used these ids: not a verdict on stock
            }
        }

        return await RefusePlacementAsync(OrderOutcome.Insufficient, "Stock ran out while reserving; nothing is held.");
    }

    public async Task<OrderResult> PackAsync(string actor)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        await FinishStepAsync();
        if (Overdue)
        {
            await ExpireAsync();
        }

        if (S.Status != OrderStatus.Reserved)
        {
            if (S.History.Any(h => h.To == OrderStatus.Packed) && S.Status != OrderStatus.Cancelled)
            {
                await Outbox.DeliverAsync();
                return Result(OrderOutcome.Replayed);
            }

            return Refuse(OrderOutcome.InvalidTransition, $"A {S.Status} order cannot be packed.");
        }

        // Every line must hold a live reservation before any stock leaves: asking again renews a hold, and a
        // hold that ended (lapsed) is taken anew under a new id.
        for (var i = 0; i < S.Lines.Count; i++)
        {
            if (!await Stock.HoldLineAsync(i))
            {
                return Refuse(OrderOutcome.Insufficient, $"The hold on {S.Lines[i].Sku} lapsed and the stock is gone.");
            }
        }

        var commits = await Task.WhenAll(S.Lines.Select(Stock.CommitAsync));
        var shipped = new List<int>();
        var failed = (int?)null;
        for (var i = 0; i < S.Lines.Count; i++)
        {
            var committed = commits[i].Succeeded;
            if (!committed && failed is null)
            {
                // The hold lapsed between the renewal and the commit: hold anew and commit that.
                committed = await Stock.HoldLineAsync(i) && (await Stock.CommitAsync(S.Lines[i])).Succeeded;
            }

            if (committed)
            {
                shipped.Add(i);
            }
            else
            {
                failed ??= i;
            }
        }

        if (failed is { } line)
        {
            // Nothing half done: the lines that left the shelf go back, and hold again (under new ids) for the next attempt.
            await Task.WhenAll(shipped.Select(i => Stock.GiveBackAsync(S.Lines[i])));
            foreach (var i in shipped)
            {
                await Stock.HoldLineAsync(i);
            }

            return Refuse(OrderOutcome.Insufficient, $"The hold on {S.Lines[line].Sku} lapsed and the stock is gone.");
        }

        OrderDuty[] duties = [new() { Kind = OrderDutyKind.ReleaseShopperHold }, .. S.Mode == FulfilmentMode.Delivery ? [new OrderDuty { Kind = OrderDutyKind.EnterDispatchQueue }] : Array.Empty<OrderDuty>()];
        return await MoveAsync(OrderStatus.Packed, actor, null, duties);
    }

    public async Task<OrderResult> MarkReadyForPickupAsync(string actor)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        await FinishStepAsync();
        if (S.Status == OrderStatus.ReadyForPickup)
        {
            return Result(OrderOutcome.Replayed);
        }

        if (S.Mode != FulfilmentMode.Pickup || S.Status != OrderStatus.Packed)
        {
            return Refuse(OrderOutcome.InvalidTransition, $"A {S.Mode} order in {S.Status} cannot become ready for pick-up.");
        }

        return await MoveAsync(OrderStatus.ReadyForPickup, actor, null);
    }

    public async Task<OrderResult> DispatchAsync(string courierId, string actor)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        if (S.Step is { Kind: PendingStepKind.Dispatching } step && step.CourierId != courierId)
        {
            await UndoDispatchAsync(step); // an interrupted dispatch to another courier: take it back first
        }

        await FinishStepAsync();
        if (S.Status == OrderStatus.Dispatched && S.CourierId == courierId)
        {
            return Result(OrderOutcome.Replayed);
        }

        if (S.Mode != FulfilmentMode.Delivery || S.Status != OrderStatus.Packed)
        {
            return Refuse(OrderOutcome.InvalidTransition, $"A {S.Mode} order in {S.Status} cannot be dispatched.");
        }

        S.Step = new PendingStep { Kind = PendingStepKind.Dispatching, Actor = actor, CourierId = courierId };
        await state.SaveAsync(this);
        return await FinishDispatchAsync(S.Step);
    }

    public async Task<OrderResult> MarkPickedUpAsync(string actor)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        await FinishStepAsync();
        switch (S.Status)
        {
            case OrderStatus.PickedUp:
                return Result(OrderOutcome.Replayed);
            case OrderStatus.Dispatched:
                await GrainFactory.Courier(new CourierId(S.CourierId!)).MarkPickedUpAsync(Id);
                return await MoveAsync(OrderStatus.PickedUp, actor, null);
            case OrderStatus.ReadyForPickup:
                return await MoveAsync(OrderStatus.PickedUp, actor, "collected in store", new OrderDuty { Kind = OrderDutyKind.SessionOrderClosed });
            default:
                return Refuse(OrderOutcome.InvalidTransition, $"A {S.Status} order cannot be picked up.");
        }
    }

    public async Task<OrderResult> MarkDeliveredAsync(string actor)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        await FinishStepAsync();
        if (S.Status == OrderStatus.Delivered)
        {
            return Result(OrderOutcome.Replayed);
        }

        if (S.Mode != FulfilmentMode.Delivery || S.Status != OrderStatus.PickedUp)
        {
            return Refuse(OrderOutcome.InvalidTransition, $"A {S.Mode} order in {S.Status} cannot be delivered.");
        }

        await GrainFactory.Courier(new CourierId(S.CourierId!)).UnassignAsync(Id);
        return await MoveAsync(OrderStatus.Delivered, actor, null, new OrderDuty { Kind = OrderDutyKind.SessionOrderClosed });
    }

    public async Task<OrderResult> CancelAsync(string actor, string? reason)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        if (S.Step is { Kind: PendingStepKind.Cancelling } cancelling)
        {
            return await FinishCancelAsync(cancelling);
        }

        await FinishStepAsync();
        switch (S.Status)
        {
            case OrderStatus.Cancelled:
                return Result(OrderOutcome.Replayed);
            case OrderStatus.PickedUp or OrderStatus.Delivered or OrderStatus.Returned or OrderStatus.Expired:
                return Refuse(OrderOutcome.InvalidTransition, $"A {S.Status} order can no longer be cancelled.");
        }

        S.Step = new PendingStep { Kind = PendingStepKind.Cancelling, Actor = actor, Reason = reason };
        await state.SaveAsync(this);
        return await FinishCancelAsync(S.Step);
    }

    public Task<OrderView?> GetAsync() => Task.FromResult(S.Placed ? View() : null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != OrderOutbox.Reminder)
        {
            return;
        }

        if (!S.Placed && S.PlannedAt is { } planned && clock.GetUtcNow() - planned >= Options.AbandonPlanAfter)
        {
            await AbandonPlanAsync(); // interrupted and never retried: its holds go back
        }

        await FinishStepAsync();
        if (Overdue)
        {
            await ExpireAsync();
        }

        await Outbox.DeliverAsync();
        if (S.Step is null && S.Duties.Count == 0 && S.PlannedAt is null && (!S.Placed || Finished(S)))
        {
            await Outbox.UnwatchAsync();
        }
    }

    /// <summary>Placed, not packed, and past <see cref="OrderOptions.UnpackedExpiry"/>.</summary>
    private bool Overdue =>
        S.Placed && S.Status == OrderStatus.Reserved && S.Step is null && clock.GetUtcNow() - S.PlacedAt >= Options.UnpackedExpiry;

    /// <summary>Releases the holds of an order not packed in time and ends it as Expired. Idempotent until saved.</summary>
    private async Task ExpireAsync()
    {
        await Stock.GiveBackAllAsync(S.Lines);
        await MoveAsync(
            OrderStatus.Expired,
            System,
            $"not packed within {Options.UnpackedExpiry.TotalHours:0.##} h",
            new OrderDuty { Kind = OrderDutyKind.ReleaseShopperHold },
            new OrderDuty { Kind = OrderDutyKind.SessionOrderClosed });
    }

    private static bool Finished(OrderState order) =>
        order.Status is OrderStatus.Cancelled or OrderStatus.Delivered or OrderStatus.Returned or OrderStatus.Expired
        || (order.Status == OrderStatus.PickedUp && order.Mode == FulfilmentMode.Pickup);

    /// <summary>Ends a placement that holds nothing: the shopper's count is let go (an outbox duty) and the reminder stops.</summary>
    private async Task<OrderResult> RefusePlacementAsync(OrderOutcome outcome, string detail)
    {
        S.Fingerprint = "";
        if (S.Watched)
        {
            S.Duties.Add(new OrderDuty { Kind = OrderDutyKind.ReleaseShopperHold });
            await state.SaveAsync(this);
            await Outbox.DeliverAsync();
            if (S.Duties.Count == 0)
            {
                await Outbox.UnwatchAsync();
            }
        }

        return Refuse(outcome, detail);
    }

    /// <summary>Lets go of the holds of a plan whose placement never completed.</summary>
    private async Task AbandonPlanAsync()
    {
        await Stock.GiveBackAllAsync(S.Lines);
        S.Lines = [];
        S.PlannedAt = null;
        S.Fingerprint = "";
        S.NextAttempt++;
        S.Duties.Add(new OrderDuty { Kind = OrderDutyKind.ReleaseShopperHold });
        await state.SaveAsync(this);
        await Outbox.DeliverAsync();
    }

    /// <summary>What the outbox's retry does: finish an interrupted step, then deliver what is left.</summary>
    private async Task RetryAsync()
    {
        await FinishStepAsync();
        await Outbox.DeliverAsync();
    }

    /// <summary>Finishes a cancel or dispatch that was interrupted after it was saved.</summary>
    private async Task FinishStepAsync()
    {
        switch (S.Step)
        {
            case { Kind: PendingStepKind.Cancelling } cancelling:
                await FinishCancelAsync(cancelling);
                break;
            case { Kind: PendingStepKind.Dispatching } dispatching:
                await FinishDispatchAsync(dispatching);
                break;
        }
    }

    private async Task<OrderResult> FinishCancelAsync(PendingStep step)
    {
        await Stock.GiveBackAllAsync(S.Lines);
        if (S.CourierId is { } courier)
        {
            await GrainFactory.Courier(new CourierId(courier)).UnassignAsync(Id);
        }

        S.Step = null;
        return await MoveAsync(
            OrderStatus.Cancelled,
            step.Actor,
            step.Reason,
            new OrderDuty { Kind = OrderDutyKind.LeaveDispatchQueue },
            new OrderDuty { Kind = OrderDutyKind.ReleaseShopperHold },
            new OrderDuty { Kind = OrderDutyKind.SessionOrderClosed });
    }

    private async Task<OrderResult> FinishDispatchAsync(PendingStep step)
    {
        var pickup = await FulfilmentPlanner.WhereFromAsync(GrainFactory, S);
        var assigned = await GrainFactory.Courier(new CourierId(step.CourierId!)).AssignAsync(new CourierAssignment
        {
            OrderId = Id,
            PickupLocationId = pickup.Id,
            Pickup = pickup.Position,
            Dropoff = S.DeliveryAddress!,
            AssignedAt = clock.GetUtcNow(),
        });
        S.Step = null;
        if (!assigned.Succeeded)
        {
            await state.SaveAsync(this);
            return assigned.Outcome == CourierOutcome.NotFound
                ? Refuse(OrderOutcome.UnknownReference, $"Unknown courier: {step.CourierId}.")
                : Refuse(OrderOutcome.CourierUnavailable, assigned.Detail ?? "The courier cannot take the order.");
        }

        S.CourierId = step.CourierId;
        return await MoveAsync(OrderStatus.Dispatched, step.Actor, $"courier {step.CourierId}", new OrderDuty { Kind = OrderDutyKind.LeaveDispatchQueue });
    }

    private async Task UndoDispatchAsync(PendingStep step)
    {
        await GrainFactory.Courier(new CourierId(step.CourierId!)).UnassignAsync(Id);
        S.Step = null;
        await state.SaveAsync(this);
    }

    /// <summary>Moves to <paramref name="to"/> and writes <paramref name="duties"/> in the same write, then publishes and delivers them.</summary>
    private async Task<OrderResult> MoveAsync(OrderStatus to, string actor, string? note, params OrderDuty[] duties)
    {
        var transition = new OrderTransition { From = S.Status, To = to, At = clock.GetUtcNow(), Actor = actor, Note = note };
        S.Status = to;
        S.History.Add(transition);
        S.Version++;
        S.Duties.AddRange(duties);
        await state.SaveAsync(this);
        TandemMetrics.OrderTransitions.Add(1, new KeyValuePair<string, object?>("state", to.ToString()));
        await _events!.PublishAsync(OrderChanged.StreamNamespace, Id, new OrderChanged { Order = View(), Transition = transition });
        await Outbox.DeliverAsync();
        return Result(OrderOutcome.Applied);
    }

    private OrderResult NotFound() => new() { Outcome = OrderOutcome.NotFound, Detail = $"No order {Id}." };

    private OrderResult Result(OrderOutcome outcome) => new() { Outcome = outcome, Order = View() };

    private OrderResult Refuse(OrderOutcome outcome, string detail) =>
        new() { Outcome = outcome, Order = S.Placed ? View() : null, Detail = detail };

    private OrderView View() => new()
    {
        OrderId = Id,
        ShopperId = S.ShopperId,
        SessionId = S.SessionId,
        Status = S.Status,
        Mode = S.Mode,
        Lines = [.. S.Lines],
        PickupLocationId = S.PickupLocationId,
        DeliveryAddress = S.DeliveryAddress,
        CourierId = S.CourierId,
        Total = S.Lines.Sum(l => l.UnitPrice * l.Quantity),
        History = [.. S.History],
        PlacedAt = S.PlacedAt,
        Version = S.Version,
    };
}
