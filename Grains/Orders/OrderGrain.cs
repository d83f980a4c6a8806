using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Contracts.Couriers;
using Tandem.Contracts.Kpis;
using Tandem.Contracts.Orders;
using Tandem.Grains.Catalog;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Experiments;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Grains.Orders;

/// <summary>
/// One order. Drives its own small saga: reserving its lines at inventory cells (<see cref="OrderPlacement"/>),
/// committing them when packed, assigning a courier, giving stock back when cancelled. Not reentrant, so two commands
/// never interleave.
/// <para>
/// Every step is ordered so that a failure at any point is finished idempotently by a retry: the plan (lines,
/// cells, reservation ids) is saved before any hold is taken; cancel and dispatch save a <see cref="PendingStep"/>
/// before their first call to another grain; and what other grains must learn (the session, the dispatch queue)
/// is an <see cref="OrderDuty"/> written with the change and retried until acknowledged. Every write also stores when
/// the order is next due (<see cref="OrderState.DueAt"/>); after a crash the order sweeper wakes it then to finish both.
/// </para>
/// </summary>
public sealed class OrderGrain(
    [PersistentState(OrderGrain.StateName, StorageNames.Grains)] IPersistentState<OrderState> state,
    IOptions<OrderOptions> options,
    IOptions<DispatchOptions> dispatch,
    CatalogFacts catalog,
    LiveExperiments experiments,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<OrderGrain> logger) : Grain, IOrderGrain, IRemindable
{
    /// <summary>The name the order's state is stored under (the sweeper asks for due states of this name).</summary>
    public const string StateName = "order";

    /// <summary>The reminder every order kept before due times were stored; its next tick drops it.</summary>
    private const string LegacyReminder = "order-duties";

    private const string System = "system";

    private EventPublisher? _events;
    private OrderStock? _stock;
    private OrderOutbox? _outbox;
    private OrderPlacement? _placement;

    private OrderState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    private OrderId Key => new(Id);

    private OrderOptions Options => options.Value;

    private OrderStock Stock => _stock!;

    private OrderOutbox Outbox => _outbox!;

    private OrderPlacement Placement => _placement!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new EventPublisher(this, logger);
        _stock = new OrderStock(Id, () => S, SaveAsync, GrainFactory, Options, logger);
        _outbox = new OrderOutbox(this, GrainFactory, catalog, Id, () => S, RetryAsync, Options, dispatch.Value, experiments, clock, logger);
        _placement = new OrderPlacement(Id, () => S, SaveAsync, GrainFactory, catalog, Stock, Outbox, Options, clock);
        if (S.Duties.Count > 0 || S.Step is not null)
        {
            Outbox.ScheduleRetry();
        }

        return Task.CompletedTask;
    }

    public async Task<OrderResult> PlaceAsync(PlaceOrder request) =>
        await Placement.PlaceAsync(request) switch
        {
            OrderPlacement.Placed placed => await MoveAsync(OrderStatus.Reserved, System, null, new OrderDuty { Kind = OrderDutyKind.SessionOrderPlaced, Skus = placed.Skus },
                Kpis([("placed", KpiMeasure.Order, (double)S.Revenue()), ("placed:units", KpiMeasure.OrderUnits, S.Lines.Sum(l => l.Quantity)),
                    .. S.Lines.Select((l, i) => ($"reserved:{i}", KpiMeasure.Reservation, (double)l.Quantity))])),
            OrderPlacement.Refused refused => Refuse(refused.Outcome, refused.Detail),
            _ => Result(OrderOutcome.Replayed),
        };

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

        // The boxes are chosen before any stock leaves (a packing that fails changes nothing) and stored with the move.
        var packing = await GrainFactory.Packing().PlanAsync([.. S.Lines.Select(l => new OrderLineRequest { Sku = l.Sku, Quantity = l.Quantity })]);

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

        var skus = S.Lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToList();
        OrderDuty[] duties =
        [
            new() { Kind = OrderDutyKind.ReleaseShopperHold, At = S.PlacedAt }, // packed: a purchase, placed then
            .. S.Mode == FulfilmentMode.Delivery ? [new OrderDuty { Kind = OrderDutyKind.EnterDispatchQueue }] : Array.Empty<OrderDuty>(),
            .. skus.Count >= 2 ? [new OrderDuty { Kind = OrderDutyKind.LearnBasket, Skus = skus, At = clock.GetUtcNow() }] : Array.Empty<OrderDuty>(),
            new() { Kind = OrderDutyKind.CountDemand, At = clock.GetUtcNow() },
            .. packing is { BoxLitres: > 0 } ? [Kpis(("packed:goods", KpiMeasure.PackedGoods, packing.ItemLitres), ("packed:boxes", KpiMeasure.PackedBoxes, packing.BoxLitres), ("packed:baseline", KpiMeasure.PackedBaseline, packing.BaselineLitres))] : Array.Empty<OrderDuty>(),
        ];
        S.Packing = packing;
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

    public async Task<OrderResult> DispatchAsync(CourierId courier, string actor)
    {
        var courierId = courier.Value;
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
        await SaveAsync();
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
                await GrainFactory.Courier(new CourierId(S.CourierId!)).MarkPickedUpAsync(Key);
                return await MoveAsync(OrderStatus.PickedUp, actor, null);
            case OrderStatus.ReadyForPickup:
                return await MoveAsync(OrderStatus.PickedUp, actor, "collected in store", new OrderDuty { Kind = OrderDutyKind.SessionOrderClosed }, Kpis(("fulfilled", KpiMeasure.Fulfilled, 1)));
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

        await GrainFactory.Courier(new CourierId(S.CourierId!)).UnassignAsync(Key);
        var took = clock.GetUtcNow() - S.PlacedAt;
        return await MoveAsync(OrderStatus.Delivered, actor, null, new OrderDuty { Kind = OrderDutyKind.SessionOrderClosed }, Kpis(
            ("fulfilled", KpiMeasure.Fulfilled, 1),
            ("delivered", KpiMeasure.Delivery, took <= dispatch.Value.PromiseWithin ? 1 : 0),
            ("delivered:minutes", KpiMeasure.DeliveryMinutes, Math.Max(0, took.TotalMinutes))));
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
            case OrderStatus.PickedUp or OrderStatus.Delivered or OrderStatus.Returned or OrderStatus.PartiallyReturned or OrderStatus.Expired:
                return Refuse(OrderOutcome.InvalidTransition, $"A {S.Status} order can no longer be cancelled.");
        }

        S.Step = new PendingStep { Kind = PendingStepKind.Cancelling, Actor = actor, Reason = reason };
        await SaveAsync();
        return await FinishCancelAsync(S.Step);
    }

    public Task<OrderView?> GetAsync() => Task.FromResult(S.Placed ? View() : null);

    public async Task CatchUpAsync()
    {
        if (!S.Placed && S.PlannedAt is { } planned && clock.GetUtcNow() - planned >= Options.AbandonPlanAfter)
        {
            await Placement.AbandonPlanAsync(); // interrupted and never retried: its holds go back
        }

        await FinishStepAsync();
        if (Overdue)
        {
            await ExpireAsync();
        }

        await Outbox.DeliverAsync(countNow: true);
        if (S.DueAt != NextDue())
        {
            await SaveAsync(); // stores the next due time, and drops the duties delivered since the last write
        }
    }

    /// <summary>
    /// An order placed before due times were stored kept a reminder of its own: its next tick drops it and catches the
    /// order up, which stores the order's due time instead.
    /// </summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == LegacyReminder && await this.GetReminder(LegacyReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await CatchUpAsync();
    }

    /// <summary>Every write of the order stores, in the same write, when it is next due.</summary>
    private async Task SaveAsync()
    {
        S.DueAt = NextDue();
        await state.SaveAsync(this);
    }

    /// <summary>
    /// When the sweeper must wake the order should nobody touch it: soon while a duty or step is unfinished (this
    /// activation retries them itself; the sweeper only matters if it dies), when an interrupted plan is to be
    /// abandoned, at an unpacked order's expiry; never while it only waits for people, or once finished.
    /// </summary>
    private DateTimeOffset? NextDue()
    {
        DateTimeOffset? due = null;
        if (S.Step is not null || S.Duties.Count > 0)
        {
            due = clock.GetUtcNow() + Options.CatchUpAfter;
        }

        if (S.PlannedAt is { } planned)
        {
            due = Earliest(due, planned + Options.AbandonPlanAfter);
        }

        if (S.Placed && S.Status == OrderStatus.Reserved)
        {
            due = Earliest(due, S.PlacedAt + Options.UnpackedExpiry);
        }

        return due;
    }

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } first && first < b ? first : b;

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
            WithCouponBack(
                new OrderDuty { Kind = OrderDutyKind.ReleaseShopperHold },
                new OrderDuty { Kind = OrderDutyKind.SessionOrderClosed }));
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
            await GrainFactory.Courier(new CourierId(courier)).UnassignAsync(Key);
        }

        S.Step = null;
        return await MoveAsync(
            OrderStatus.Cancelled,
            step.Actor,
            step.Reason,
            WithCouponBack(
                new OrderDuty { Kind = OrderDutyKind.LeaveDispatchQueue },
                new OrderDuty { Kind = OrderDutyKind.ReleaseShopperHold },
                new OrderDuty { Kind = OrderDutyKind.SessionOrderClosed }));
    }

    /// <summary><paramref name="duties"/>, and giving the order's coupon back when it spent one (it ends unfulfilled).</summary>
    private OrderDuty[] WithCouponBack(params OrderDuty[] duties) =>
        S.CouponCode is { } code ? [.. duties, new OrderDuty { Kind = OrderDutyKind.ReleaseCoupon, Reference = code }] : duties;

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
            PromisedBy = S.History.LastOrDefault(h => h.To == OrderStatus.Packed)?.At + dispatch.Value.PromiseWithin,
        });
        S.Step = null;
        if (!assigned.Succeeded)
        {
            await SaveAsync();
            return assigned.Outcome == CourierOutcome.NotFound
                ? Refuse(OrderOutcome.UnknownReference, $"Unknown courier: {step.CourierId}.")
                : Refuse(OrderOutcome.CourierUnavailable, assigned.Detail ?? "The courier cannot take the order.");
        }

        S.CourierId = step.CourierId;
        return await MoveAsync(OrderStatus.Dispatched, step.Actor, $"courier {step.CourierId}", new OrderDuty { Kind = OrderDutyKind.LeaveDispatchQueue });
    }

    private async Task UndoDispatchAsync(PendingStep step)
    {
        await GrainFactory.Courier(new CourierId(step.CourierId!)).UnassignAsync(Key);
        S.Step = null;
        await SaveAsync();
    }

    public async Task<OrderResult> AnswerSurveyAsync(int score)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        if (score is < 0 or > 10)
        {
            return Refuse(OrderOutcome.Invalid, "A survey score is 0 to 10.");
        }

        if (S.SurveyScore is { } given)
        {
            return given == score ? Result(OrderOutcome.Replayed) : Refuse(OrderOutcome.InvalidTransition, $"The survey of order {Id} was answered already ({given}).");
        }

        if (ReceivedAt() is null)
        {
            return Refuse(OrderOutcome.InvalidTransition, $"A {S.Mode} order in {S.Status} has no survey yet: the shopper does not have it.");
        }

        S.SurveyScore = score;
        S.Version++;
        S.Duties.Add(Kpis(("survey", KpiMeasure.Survey, score >= 9 ? 1 : score <= 6 ? -1 : 0)));
        await SaveAsync();
        await Outbox.DeliverAsync();
        return Result(OrderOutcome.Applied);
    }

    public async Task<OrderResult> ClaimReturnAsync(string returnId, string sku, int quantity)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        await FinishStepAsync();
        if (S.Returns.Find(r => r.ReturnId == returnId) is { } held)
        {
            return held.Sku == sku && held.Quantity == quantity
                ? Result(OrderOutcome.Replayed)
                : Refuse(OrderOutcome.KeyReused, $"Return {returnId} holds {held.Quantity} × {held.Sku}.");
        }

        if (ReceivedAt() is null)
        {
            return Refuse(OrderOutcome.InvalidTransition, $"A {S.Mode} order in {S.Status} cannot be returned: the shopper does not have it.");
        }

        var bought = S.Lines.Where(l => l.Sku == sku).Sum(l => l.Quantity);
        if (bought == 0)
        {
            return Refuse(OrderOutcome.Invalid, $"Order {Id} has no line {sku}.");
        }

        var left = bought - S.Returns.Where(r => r.Sku == sku).Sum(r => r.Quantity);
        if (quantity < 1 || quantity > left)
        {
            return Refuse(OrderOutcome.Insufficient, $"{left} of {sku} can be returned, not {quantity}.");
        }

        S.Returns.Add(new OrderReturn { ReturnId = returnId, Sku = sku, Quantity = quantity, At = clock.GetUtcNow() });
        S.Version++;
        S.Duties.Add(Kpis(("returned", KpiMeasure.Return, 1))); // the order's first return counts it as returned; later ones change nothing
        await SaveAsync();
        await Outbox.DeliverAsync();
        return Result(OrderOutcome.Applied);
    }

    public async Task<OrderResult> ReleaseReturnAsync(string returnId)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        var index = S.Returns.FindIndex(r => r.ReturnId == returnId);
        if (index < 0)
        {
            return Result(OrderOutcome.Replayed);
        }

        if (S.Returns[index].SettledAt is not null)
        {
            return Refuse(OrderOutcome.InvalidTransition, $"Return {returnId} was settled: its units are back.");
        }

        S.Returns.RemoveAt(index);
        S.Version++;
        await SaveAsync();
        return Result(OrderOutcome.Applied);
    }

    public async Task<OrderResult> SettleReturnAsync(string returnId)
    {
        if (!S.Placed)
        {
            return NotFound();
        }

        var index = S.Returns.FindIndex(r => r.ReturnId == returnId);
        if (index < 0)
        {
            return Refuse(OrderOutcome.Invalid, $"Return {returnId} holds no units of order {Id}.");
        }

        var settled = S.Returns[index];
        if (settled.SettledAt is not null)
        {
            return Result(OrderOutcome.Replayed);
        }

        S.Returns[index] = settled with { SettledAt = clock.GetUtcNow() };
        var back = S.Returns.Where(r => r.SettledAt is not null).Sum(r => r.Quantity);
        var to = back >= S.Lines.Sum(l => l.Quantity) ? OrderStatus.Returned : OrderStatus.PartiallyReturned;
        return await MoveAsync(to, "system", $"return {returnId}: {settled.Quantity} × {settled.Sku} back");
    }

    /// <summary>When the shopper got the goods: delivered, or collected at the store; null while they have not.</summary>
    private DateTimeOffset? ReceivedAt() =>
        S.Placed && S.Status is not (OrderStatus.Cancelled or OrderStatus.Expired)
            ? S.History.LastOrDefault(t => t.To == OrderStatus.Delivered || (t.To == OrderStatus.PickedUp && S.Mode == FulfilmentMode.Pickup))?.At
            : null;

    /// <summary>Moves to <paramref name="to"/> and writes <paramref name="duties"/> in the same write, then publishes and delivers them.</summary>
    private async Task<OrderResult> MoveAsync(OrderStatus to, string actor, string? note, params OrderDuty[] duties)
    {
        var transition = new OrderTransition { From = S.Status, To = to, At = clock.GetUtcNow(), Actor = actor, Note = note };
        S.Status = to;
        S.History.Add(transition);
        S.Version++;
        S.Duties.AddRange(duties);
        await SaveAsync();
        TandemMetrics.OrderTransitions.Add(1, new KeyValuePair<string, object?>("state", to.ToString()));
        var view = View(); // one view for the event and the answer
        await Task.WhenAll(_events!.PublishAsync(OrderChanged.StreamNamespace, Id, new OrderChanged { Order = view, Transition = transition }), Outbox.DeliverAsync());
        return new OrderResult { Outcome = OrderOutcome.Applied, Order = view };
    }

    /// <summary>A duty counting <paramref name="facts"/> now (each named <c>order:{id}:{name}</c>, so counted once).</summary>
    private OrderDuty Kpis(params (string Name, KpiMeasure Measure, double Value)[] facts) => new()
    {
        Kind = OrderDutyKind.CountKpis,
        Facts = [.. facts.Select(f => new KpiFact { Id = $"order:{Id}:{f.Name}", Measure = f.Measure, At = clock.GetUtcNow(), Value = f.Value })],
    };

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
        Total = S.Lines.Sum(l => l.UnitPrice * l.Quantity) - S.Discount,
        CouponCode = S.CouponCode,
        Discount = S.Discount,
        History = [.. S.History],
        PlacedAt = S.PlacedAt,
        Version = S.Version,
        Returns = [.. S.Returns],
        ReceivedAt = ReceivedAt(),
        Packing = S.Packing,
        SurveyScore = S.SurveyScore,
    };
}
