using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Tandem.Brains.Dispatch;
using Tandem.Brains.Returns;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Contracts.Dispatch;
using Tandem.Contracts.Experiments;
using Tandem.Contracts.Returns;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Experiments;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Returns;

using BrainCondition = Tandem.Brains.Returns.ItemCondition;
using BrainReason = Tandem.Brains.Returns.ReturnReason;

namespace Tandem.Grains.Returns;

/// <summary>
/// One return (see <see cref="IReturnGrain"/>) from request to resale. The request, its pre-check and the call the order
/// must get (claim the units, or let them go) are written together first; the call is made right after, and the outcome
/// written. Consequences of later steps (the order settled, the demand told, the coupon issued, the cell restocked) are
/// duties written with the step and delivered until acknowledged, each idempotent at its receiver. An activation that dies
/// in between leaves the return due (<see cref="ReturnState.DueAt"/>): the sweeper wakes it and it finishes. The same due
/// time wakes a collected item that is not back on sale when its resale clock reaches the at-risk mark and the promise.
/// An approved return of a delivered order waits in its zone's dispatch queue until a courier takes the pickup (or an
/// operator names one, or it is handed in at a store); the courier's job follows the return to sorting.
/// </summary>
public sealed class ReturnGrain(
    [PersistentState(ReturnGrain.StateName, StorageNames.Grains)] IPersistentState<ReturnState> state,
    IEvidenceCheck evidence,
    IOptions<ReturnOptions> options,
    IOptions<DispatchOptions> dispatch,
    LiveExperiments experiments,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<ReturnGrain> logger) : Grain, IReturnGrain
{
    public const string StateName = "return";

    private EventPublisher? _events;

    private ReturnOptions Options => options.Value;

    private ReturnState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new EventPublisher(this, logger);
        return Task.CompletedTask;
    }

    public async Task<ReturnResult> RequestAsync(ReturnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fingerprint = Fingerprint(request);
        if (S.Request is not null)
        {
            if (S.Fingerprint != fingerprint)
            {
                return new ReturnResult { Outcome = ReturnOutcome.KeyReused, Return = View(), Detail = $"Return {Id} was requested with another request." };
            }

            await FinishAsync();
            return Result(ReturnOutcome.Replayed);
        }

        var order = await GrainFactory.Order(new OrderId(request.OrderId)).GetAsync();
        if (order is null || order.ShopperId != request.ShopperId)
        {
            return new ReturnResult { Outcome = ReturnOutcome.NotFound, Detail = $"No order {request.OrderId}." };
        }

        var bought = order.Lines.Where(l => l.Sku == request.Sku).Sum(l => l.Quantity);
        var product = bought > 0 ? await GrainFactory.Catalog().GetProductAsync(request.Sku) : null;
        var reason = (BrainReason)(int)request.Reason;
        var photo = request.Photo is { Length: > 0 } bytes ? new ReturnPhoto(request.PhotoType ?? "", bytes) : null;
        var check = bought == 0
            ? new PreCheck(PreCheckVerdict.Rejected, ReturnPolicy.Rules.Quantity, $"order {request.OrderId} has no line {request.Sku}")
            : ReturnPolicy.Check(
                new ReturnClaim
                {
                    Category = product?.Category ?? "",
                    ReceivedAt = order.ReceivedAt,
                    Bought = bought,
                    AlreadyReturned = order.Returns.Where(r => r.Sku == request.Sku && r.ReturnId != Id).Sum(r => r.Quantity),
                    Quantity = request.Quantity,
                    Reason = reason,
                    Condition = request.Condition is { } condition ? (BrainCondition)(int)condition : null,
                    TagsAttached = request.TagsAttached,
                    Evidence = await evidence.CheckAsync(photo, reason),
                    At = clock.GetUtcNow(),
                },
                options.Value.Rules());

        S.Request = request with { Photo = null };
        S.Fingerprint = fingerprint;
        var line = order.Lines.FirstOrDefault(l => l.Sku == request.Sku);
        (S.SaleLocationId, S.UnitPrice, S.Fault) = (line?.LocationId ?? "", line?.UnitPrice ?? 0m, ReturnClaim.IsFault(reason));
        S.PickupFrom = order.DeliveryAddress;
        S.Check = new ReturnCheck { Verdict = Verdict(check.Verdict), Rule = check.Rule, Reason = check.Reason };
        if (check.Verdict == PreCheckVerdict.Rejected)
        {
            await MoveAsync(ReturnStatus.Rejected, request.RequestedBy ?? request.ShopperId, check.Reason, ReturnOrderCall.None);
        }
        else
        {
            await OfferCouponAsync();
            await MoveAsync(ReturnStatus.Requested, request.RequestedBy ?? request.ShopperId, null, ReturnOrderCall.Claim);
            await FinishAsync();
        }

        return Result(ReturnOutcome.Applied);
    }

    public async Task<ReturnResult> ReviewAsync(bool approve, string actor, string? note)
    {
        if (S.Request is null)
        {
            return new ReturnResult { Outcome = ReturnOutcome.NotFound, Detail = $"No return {Id}." };
        }

        await FinishAsync();
        var to = approve ? ReturnStatus.Approved : ReturnStatus.Rejected;
        if (S.Status == to && S.History.Any(t => t.From == ReturnStatus.InReview))
        {
            return Result(ReturnOutcome.Replayed);
        }

        if (S.Status != ReturnStatus.InReview)
        {
            return new ReturnResult { Outcome = ReturnOutcome.InvalidTransition, Return = View(), Detail = $"A return in {S.Status} is not in review." };
        }

        await MoveAsync(to, actor, note, approve ? ReturnOrderCall.None : ReturnOrderCall.Release);
        await FinishAsync();
        return Result(ReturnOutcome.Applied);
    }

    public async Task<ReturnResult> ChooseCompensationAsync(CompensationKind kind, string? shopperId, string actor)
    {
        if (S.Request is null || (shopperId is not null && shopperId != S.Request.ShopperId))
        {
            return Missing();
        }

        await FinishAsync();
        if (S.Settlement is { } settled)
        {
            return settled.Kind == kind ? Result(ReturnOutcome.Replayed) : Refuse($"Return {Id} was settled with a {settled.Kind}.");
        }

        if (S.Status == ReturnStatus.Rejected)
        {
            return Refuse($"Return {Id} was rejected: nothing is owed.");
        }

        if (kind == CompensationKind.Coupon && !CouponOffered)
        {
            return Refuse(S.Fault ? $"No coupon is offered for a {S.Request.Reason} item: the refund is owed." : "Coupons are not offered instead of refunds: the refund is owed.");
        }

        if (S.Chosen == kind)
        {
            return Result(ReturnOutcome.Replayed);
        }

        (S.Chosen, S.ChosenAt) = (kind, clock.GetUtcNow());
        S.Version++;
        TellBoard();
        S.DueAt = NextDue();
        await WriteAsync();
        await PublishAsync(null, null);
        await DeliverOrLeaveDueAsync();
        return Result(ReturnOutcome.Applied);
    }

    public async Task<ReturnResult> SchedulePickupAsync(string courierId, string actor)
    {
        if (S.Request is null)
        {
            return Missing();
        }

        await FinishAsync();
        if (S.Status == ReturnStatus.PickupScheduled && S.CourierId == courierId)
        {
            return Result(ReturnOutcome.Replayed);
        }

        if (S.Status is not (ReturnStatus.Approved or ReturnStatus.PickupScheduled))
        {
            return Refuse($"A return in {S.Status} cannot be scheduled for pickup.");
        }

        // The courier is given the job first; written before, so a step that dies here is undone (FinishAsync).
        var (from, centre) = await PickupPlacesAsync();
        S.Assigning = courierId;
        S.DueAt = clock.GetUtcNow() + Options.CatchUpAfter;
        await WriteAsync();
        var assigned = await GrainFactory.Courier(new CourierId(courierId)).AssignAsync(new CourierAssignment
        {
            OrderId = Id, Kind = CourierJobKind.ReturnPickup, PickupLocationId = PickupLocationId, Pickup = from, Dropoff = centre.Position,
            AssignedAt = clock.GetUtcNow(), PromisedBy = S.PickupDueBy,
        });
        S.Assigning = null;
        if (!assigned.Succeeded)
        {
            S.DueAt = NextDue();
            await WriteAsync();
            return assigned.Outcome == CourierOutcome.NotFound
                ? new ReturnResult { Outcome = ReturnOutcome.Invalid, Return = View(), Detail = $"No courier {courierId}." }
                : Refuse($"Courier {courierId} cannot take the pickup: {assigned.Detail ?? assigned.Outcome.ToString()}");
        }

        if (S.CourierId is { } replaced)
        {
            Step(ReturnStatus.PickupScheduled, actor, $"courier {courierId} instead of {replaced}"); // written by the move below
            S.CalledOff.Add(replaced);
            S.Duties.Add(ReturnDuty.CallOffCourier);
        }

        S.CourierId = courierId;
        if (S.InDispatch)
        {
            S.Duties.Add(ReturnDuty.LeaveDispatch);
        }

        await MoveAsync(ReturnStatus.PickupScheduled, actor, $"courier {courierId}", ReturnOrderCall.None);
        return Result(ReturnOutcome.Applied);
    }

    public async Task<ReturnResult> CollectByCourierAsync(string courierId, string actor)
    {
        if (S.Request is null || S.CourierId != courierId)
        {
            return new ReturnResult { Outcome = ReturnOutcome.NotFound, Detail = $"No pickup of return {Id} for courier {courierId}." };
        }

        if (S.CollectedAt is not null)
        {
            return S.StoreId is null ? Result(ReturnOutcome.Replayed) : Refuse($"Return {Id} was handed in at store {S.StoreId}.");
        }

        if (S.Status != ReturnStatus.PickupScheduled)
        {
            return Refuse($"A return in {S.Status} cannot be collected.");
        }

        S.CollectedAt = clock.GetUtcNow();
        S.Duties.Add(ReturnDuty.CourierCollected);
        await MoveAsync(ReturnStatus.Collected, actor, $"collected by courier {courierId}", ReturnOrderCall.None);
        return Result(ReturnOutcome.Applied);
    }

    public async Task<ReturnResult> HandInAtStoreAsync(string storeId, string actor)
    {
        if (S.Request is null)
        {
            return Missing();
        }

        await FinishAsync();
        if (S.CollectedAt is not null)
        {
            return S.StoreId == storeId ? Result(ReturnOutcome.Replayed) : Refuse($"Return {Id} was already collected.");
        }

        if (S.Status is not (ReturnStatus.Approved or ReturnStatus.PickupScheduled))
        {
            return Refuse($"A return in {S.Status} cannot be handed in.");
        }

        if (await LocationAsync(storeId) is not { Kind: LocationKind.Store })
        {
            return new ReturnResult { Outcome = ReturnOutcome.Invalid, Return = View(), Detail = $"No store {storeId}." };
        }

        var note = S.CourierId is { } courier ? $"handed in at store {storeId}; pickup by courier {courier} called off" : $"handed in at store {storeId}";
        if (S.CourierId is { } calledOff)
        {
            S.CalledOff.Add(calledOff);
            S.Duties.Add(ReturnDuty.CallOffCourier);
        }

        (S.StoreId, S.CourierId, S.CollectedAt) = (storeId, null, clock.GetUtcNow());
        if (S.InDispatch)
        {
            S.Duties.Add(ReturnDuty.LeaveDispatch);
        }

        await MoveAsync(ReturnStatus.Collected, actor, note, ReturnOrderCall.None);
        return Result(ReturnOutcome.Applied);
    }

    public async Task<ReturnResult> ArriveAtSortingAsync(string actor)
    {
        if (S.Request is null)
        {
            return Missing();
        }

        if (S.Status == ReturnStatus.AtSorting)
        {
            return Result(ReturnOutcome.Replayed);
        }

        if (S.Status != ReturnStatus.Collected)
        {
            return Refuse($"A return in {S.Status} cannot arrive at sorting.");
        }

        if (S.CourierId is not null)
        {
            S.Duties.Add(ReturnDuty.CourierDone);
        }

        await MoveAsync(ReturnStatus.AtSorting, actor, null, ReturnOrderCall.None);
        return Result(ReturnOutcome.Applied);
    }

    public async Task<ReturnResult> GradeAsync(ReturnGrade grade, string? storeId, string actor, string? note)
    {
        if (S.Request is null || (storeId is not null && storeId != S.StoreId))
        {
            return new ReturnResult { Outcome = ReturnOutcome.NotFound, Detail = storeId is null ? $"No return {Id}." : $"No return {Id} handed in at store {storeId}." };
        }

        if (S.Grade is { } graded)
        {
            return graded == grade ? Result(ReturnOutcome.Replayed) : Refuse($"Return {Id} was graded {graded}.");
        }

        if (S.Status != ReturnStatus.AtSorting && !(S.Status == ReturnStatus.Collected && S.StoreId is not null))
        {
            return Refuse(S.Status == ReturnStatus.Collected
                ? $"Return {Id} is graded at the sorting centre: it has not arrived there."
                : $"A return in {S.Status} cannot be graded.");
        }

        var now = clock.GetUtcNow();
        var kind = S.Chosen == CompensationKind.Coupon && CouponOffered ? CompensationKind.Coupon : CompensationKind.Refund;
        S.Grade = grade;
        S.Settlement = new ReturnSettlement
        {
            Kind = kind,
            Amount = kind == CompensationKind.Coupon ? CouponValue() : Refund(),
            CouponCode = kind == CompensationKind.Coupon ? CouponCode() : null,
            At = now,
            Actor = actor,
            CounterSeconds = S.StoreId is not null && S.Status == ReturnStatus.Collected ? (now - S.CollectedAt!.Value).TotalSeconds : null,
        };
        S.Duties.AddRange(kind == CompensationKind.Coupon
            ? [ReturnDuty.SettleOrder, ReturnDuty.RecordDemand, ReturnDuty.IssueCoupon]
            : [ReturnDuty.SettleOrder, ReturnDuty.RecordDemand]);
        if (kind == CompensationKind.Coupon && S.CouponExperiment is not null)
        {
            S.Duties.Add(ReturnDuty.CountCoupon);
        }

        var settledNote = $"grade {grade}; {kind} {S.Settlement.Amount:0.00}" + (note is null ? "" : $"; {note}");
        if (grade == ReturnGrade.C)
        {
            S.ResoldAt = now;
            Step(ReturnStatus.Graded, actor, settledNote);
            await MoveAsync(ReturnStatus.Disposed, actor, "liquidation or disposal", ReturnOrderCall.None);
        }
        else
        {
            await MoveAsync(ReturnStatus.Graded, actor, settledNote, ReturnOrderCall.None); // and delivers the settlement's duties
        }

        return Result(ReturnOutcome.Applied);
    }

    public async Task<ReturnResult> PutAwayAsync(string locationId, string actor)
    {
        if (S.Request is null)
        {
            return Missing();
        }

        var cell = new CellKey(S.Request.Sku, locationId).ToString();
        if (S.RestockedTo is { } restocked)
        {
            return restocked == cell ? Result(ReturnOutcome.Replayed) : Refuse($"Return {Id} went back into {restocked}.");
        }

        if (S.Status != ReturnStatus.Graded || S.Grade == ReturnGrade.C)
        {
            return Refuse($"A return in {S.Status} cannot be put back on sale.");
        }

        if (await LocationAsync(locationId) is null)
        {
            return new ReturnResult { Outcome = ReturnOutcome.Invalid, Return = View(), Detail = $"No location {locationId}." };
        }

        (S.RestockedTo, S.ResoldAt) = (cell, clock.GetUtcNow());
        S.Duties.Add(ReturnDuty.RestockCell);
        await MoveAsync(ReturnStatus.Restocked, actor, $"{S.Request.Quantity} × into {cell}", ReturnOrderCall.None); // and restocks
        return Result(ReturnOutcome.Applied);
    }

    public async Task CatchUpAsync()
    {
        if (S.Request is null)
        {
            return;
        }

        await FinishAsync();
        await DeliverAsync();
        await AlertAsync();
        await LookForRepurchaseAsync();
    }

    public Task<ReturnView?> GetAsync() => Task.FromResult(S.Request is null ? null : View());

    /// <summary>Makes the pending call to the order and writes its outcome; a failure leaves it due for the sweeper.</summary>
    private async Task FinishAsync()
    {
        if (S.Assigning is { } assigning)
        {
            // A pickup given to a courier whose step did not finish: the courier drops it (the operator or courier asks again).
            if (assigning != S.CourierId)
            {
                await GrainFactory.Courier(new CourierId(assigning)).UnassignAsync(new OrderId(Id));
            }

            S.Assigning = null;
            S.DueAt = NextDue();
            await WriteAsync();
        }

        var order = GrainFactory.Order(new OrderId(S.Request!.OrderId));
        switch (S.Pending)
        {
            case ReturnOrderCall.Claim:
                var claimed = await order.ClaimReturnAsync(Id, S.Request.Sku, S.Request.Quantity);
                if (claimed.Succeeded)
                {
                    var approved = S.Check!.Verdict == ReturnStatus.Approved;
                    await MoveAsync(approved ? ReturnStatus.Approved : ReturnStatus.InReview, "system", approved ? null : S.Check.Reason, ReturnOrderCall.None);
                }
                else
                {
                    // Another return took the units since the pre-check read the order (or the order changed): refused.
                    S.Check = new ReturnCheck { Verdict = ReturnStatus.Rejected, Rule = ReturnPolicy.Rules.Quantity, Reason = claimed.Detail ?? "the units are no longer returnable" };
                    await MoveAsync(ReturnStatus.Rejected, "system", S.Check.Reason, ReturnOrderCall.None);
                }

                break;
            case ReturnOrderCall.Release:
                await order.ReleaseReturnAsync(Id);
                S.Pending = ReturnOrderCall.None;
                S.DueAt = NextDue();
                await WriteAsync();
                break;
        }
    }

    /// <summary>Moves to <paramref name="to"/> (a step in the history) with its order call and duties in one write, publishes, then delivers the duties.</summary>
    private async Task MoveAsync(ReturnStatus to, string actor, string? note, ReturnOrderCall pending)
    {
        var from = S.History.Count == 0 ? (ReturnStatus?)null : S.Status;
        if (from != to)
        {
            var at = clock.GetUtcNow();
            S.History.Add(new ReturnTransition { From = from, To = to, At = at, Actor = actor, Note = note });
            S.Status = to;
            S.Version++;
            if (to == ReturnStatus.Approved && S.PickupFrom is not null && dispatch.Value.Offers)
            {
                // A delivered order's return is collected at the door: offered to couriers through the dispatch windows.
                (S.InDispatch, S.PickupDueBy) = (true, at + Options.PickupWithin);
                S.Duties.Add(ReturnDuty.EnterDispatch);
            }
        }

        S.Pending = pending;
        TellBoard();
        S.DueAt = NextDue();
        await WriteAsync();
        if (from != to)
        {
            await PublishAsync(S.History[^1], null);
        }

        await DeliverOrLeaveDueAsync();
    }

    /// <summary>Owes the board the return's summary (once, however many changes it covers).</summary>
    private void TellBoard()
    {
        if (!S.Duties.Contains(ReturnDuty.TellBoard))
        {
            S.Duties.Add(ReturnDuty.TellBoard);
        }
    }

    /// <summary>Adds a step to the history without writing (the next <see cref="MoveAsync"/> writes both).</summary>
    private void Step(ReturnStatus to, string actor, string? note)
    {
        S.History.Add(new ReturnTransition { From = S.Status, To = to, At = clock.GetUtcNow(), Actor = actor, Note = note });
        S.Status = to;
        S.Version++;
    }

    /// <summary>Delivers the duties now; a failure is logged and left to the sweeper (the step itself is written).</summary>
    private async Task DeliverOrLeaveDueAsync()
    {
        try
        {
            await DeliverAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.DutiesFailed(ex, Id);
        }
    }

    /// <summary>Delivers every undelivered duty (each idempotent at its receiver), then writes that they are done.</summary>
    private async Task DeliverAsync()
    {
        if (S.Duties.Count == 0)
        {
            return;
        }

        var duties = S.Duties.ToList();
        foreach (var inOrder in duties.Where(InOrder))
        {
            await DeliverAsync(inOrder); // the queue and the courier's job are told in the order things happened
        }

        await Task.WhenAll(duties.Where(d => !InOrder(d)).Select(DeliverAsync));
        S.Duties.RemoveAll(duties.Contains);
        S.DueAt = NextDue();
        await WriteAsync();
    }

    /// <summary>Duties delivered one after another in the order written: the queue, the courier's job, and an experiment's exposure before its conversion.</summary>
    private static bool InOrder(ReturnDuty duty) => duty is ReturnDuty.EnterDispatch or ReturnDuty.LeaveDispatch
        or ReturnDuty.CourierCollected or ReturnDuty.CourierDone or ReturnDuty.CallOffCourier or ReturnDuty.ExposeCoupon or ReturnDuty.CountCoupon;

    private async Task DeliverAsync(ReturnDuty duty)
    {
        var request = S.Request!;
        var settlement = S.Settlement;
        string? refused = null;
        switch (duty)
        {
            case ReturnDuty.SettleOrder:
                var order = await GrainFactory.Order(new OrderId(request.OrderId)).SettleReturnAsync(Id);
                refused = order.Succeeded ? null : order.Detail ?? order.Outcome.ToString();
                break;
            case ReturnDuty.RecordDemand:
                await GrainFactory.Demand(new CellKey(request.Sku, S.SaleLocationId)).RecordAsync(
                    new DemandEntry { Id = "return:" + Id, At = settlement!.At, Returned = request.Quantity });
                break;
            case ReturnDuty.IssueCoupon:
                var coupon = await GrainFactory.Coupon(settlement!.CouponCode!).IssueAsync(new CouponGrant
                {
                    ShopperId = request.ShopperId, Amount = settlement.Amount, ReturnId = Id, ExpiresAt = settlement.At.AddDays(Options.CouponValidDays),
                });
                refused = coupon.Succeeded ? null : coupon.Detail ?? coupon.Outcome.ToString();
                break;
            case ReturnDuty.TellBoard:
                await GrainFactory.ReturnsBoard().UpsertAsync(Summary());
                break;
            case ReturnDuty.RestockCell:
                var restocked = await GrainFactory.Cell(CellKey.Parse(S.RestockedTo!)).ReceiveAsync(
                    request.Quantity, "return:" + Id, S.History[^1].Actor);
                refused = restocked.Succeeded ? null : restocked.Detail ?? restocked.Outcome.ToString();
                break;
            case ReturnDuty.EnterDispatch:
                var (from, centre) = await PickupPlacesAsync();
                var zone = dispatch.Value.ZoneOf(from);
                await GrainFactory.ZoneDispatcher(zone).EnqueueAsync(new WaitingOrder
                {
                    OrderId = Id, Kind = CourierJobKind.ReturnPickup, PickupLocationId = PickupLocationId, Pickup = from, Dropoff = centre.Position,
                    Since = S.History.Last(t => t.To == ReturnStatus.Approved).At, PromisedBy = S.PickupDueBy, Zone = zone,
                });
                break;
            case ReturnDuty.LeaveDispatch:
                await GrainFactory.ZoneDispatcher(dispatch.Value.ZoneOf(S.PickupFrom!)).LeaveAsync(new OrderId(Id), S.CourierId);
                S.InDispatch = false;
                break;
            case ReturnDuty.CourierCollected:
                await GrainFactory.Courier(new CourierId(S.CourierId!)).MarkPickedUpAsync(new OrderId(Id));
                break;
            case ReturnDuty.CourierDone:
                await GrainFactory.Courier(new CourierId(S.CourierId!)).UnassignAsync(new OrderId(Id));
                break;
            case ReturnDuty.ExposeCoupon:
                var met = S.CouponExperiment!;
                await GrainFactory.ExperimentTally(met.ExperimentId, ExperimentUnitKinds.Shopper, IExperimentTallyGrain.ShardOf(request.ShopperId))
                    .ExposeAsync(new TallyEntry { UnitId = request.ShopperId, Variant = met.Variant, At = met.At });
                break;
            case ReturnDuty.CountCoupon:
                var counted = S.CouponExperiment!;
                await GrainFactory.ExperimentTally(counted.ExperimentId, ExperimentUnitKinds.Shopper, IExperimentTallyGrain.ShardOf(request.ShopperId))
                    .ConvertAsync(new TallyEntry { UnitId = request.ShopperId, Variant = counted.Variant, At = settlement!.At, OrderId = "return:" + Id, Revenue = settlement.Amount });
                break;
            case ReturnDuty.CallOffCourier:
                foreach (var courier in S.CalledOff.ToList())
                {
                    await GrainFactory.Courier(new CourierId(courier)).UnassignAsync(new OrderId(Id));
                    S.CalledOff.Remove(courier);
                }

                break;
        }

        if (refused is not null)
        {
            logger.DutyRefused(Id, duty, refused);
            throw new InvalidOperationException($"Return {Id}: {duty} was refused: {refused}");
        }
    }

    /// <summary>Raises the resale clock's alert once it passed the at-risk mark or the promise with the item not back on sale.</summary>
    private async Task AlertAsync()
    {
        if (S.CollectedAt is not { } collected || S.ResoldAt is not null)
        {
            return;
        }

        var alert = Running(collected);
        if (alert == ResaleClock.OnTrack || S.Alerted >= alert)
        {
            return;
        }

        S.Alerted = alert;
        S.Version++;
        TellBoard();
        S.DueAt = NextDue();
        await WriteAsync();
        logger.ResaleAlert(Id, alert, collected);
        await PublishAsync(null, alert);
        await DeliverOrLeaveDueAsync();
    }

    /// <summary>
    /// Once the repurchase window after settlement closed: whether the shopper placed an order (packed) in it, for the
    /// board's repurchase after a coupon against after a refund.
    /// </summary>
    private async Task LookForRepurchaseAsync()
    {
        if (S.Settlement is not { } settled || S.Repurchased is not null || clock.GetUtcNow() < settled.At + Options.RepurchaseWithin)
        {
            return;
        }

        var bought = await GrainFactory.ShopperHolds(new ShopperId(S.Request!.ShopperId)).FirstBoughtAsync(settled.At, settled.At + Options.RepurchaseWithin);
        S.Repurchased = bought is not null;
        S.Version++;
        TellBoard();
        S.DueAt = NextDue();
        await WriteAsync();
        await DeliverOrLeaveDueAsync();
    }

    /// <summary>Soon while a call or duty is unfinished; else the resale clock's next mark not yet alerted, or the close of the repurchase window; else never.</summary>
    private DateTimeOffset? NextDue()
    {
        DateTimeOffset? work = S.Pending != ReturnOrderCall.None || S.Duties.Count > 0 ? clock.GetUtcNow() + Options.CatchUpAfter : null;
        DateTimeOffset? mark = S.CollectedAt is { } collected && S.ResoldAt is null
            ? S.Alerted switch
            {
                null => collected + Options.ResaleAtRiskAfter,
                ResaleClock.AtRisk => collected + Options.ResaleWithin,
                _ => null,
            }
            : null;
        DateTimeOffset? repurchase = S.Settlement is { } settled && S.Repurchased is null ? settled.At + Options.RepurchaseWithin : null;
        return new[] { work, mark, repurchase }.Where(d => d is not null).Min();
    }

    private Task PublishAsync(ReturnTransition? transition, ResaleClock? alert) =>
        _events!.PublishAsync(ReturnChanged.StreamNamespace, Id, new ReturnChanged { Return = View(), Transition = transition, Alert = alert, At = clock.GetUtcNow() });

    private decimal Refund() => S.UnitPrice * S.Request!.Quantity;

    /// <summary>A coupon is offered instead of the refund when the return is not the item's fault and the policy offers coupons.</summary>
    private bool CouponOffered => !S.Fault && Options.OfferCoupons;

    private decimal CouponValue() => Math.Round(Refund() * (1m + (S.CouponUplift ?? Options.CouponUplift)), 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Fixes the coupon's uplift for a return offered one: the variant of the running coupon experiment the shopper is
    /// assigned to (exposed now: the offer is in the answer to this request), or the policy's.
    /// </summary>
    private async Task OfferCouponAsync()
    {
        S.CouponUplift = Options.CouponUplift;
        if (!CouponOffered)
        {
            return;
        }

        var running = await experiments.GetAsync();
        if (ExperimentUnits.FindShopper(running, nameof(VariantSettings.CouponUplift), S.Request!.ShopperId, clock.GetUtcNow()) is not { } exposure)
        {
            return;
        }

        var variant = running.First(e => e.Definition.Id == exposure.ExperimentId).Definition.Variants[exposure.Variant];
        S.CouponUplift = variant.Settings.CouponUplift ?? Options.CouponUplift;
        S.CouponExperiment = exposure;
        S.Duties.Add(ReturnDuty.ExposeCoupon);
    }

    /// <summary>The coupon's code: derived from the return id, so an issue told twice names the same coupon.</summary>
    private string CouponCode() => "cp-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("coupon\n" + Id)).AsSpan(0, 8));

    private ResaleClock Resale()
    {
        if (S.CollectedAt is not { } collected)
        {
            return S.Status == ReturnStatus.Rejected ? ResaleClock.NotApplicable : ResaleClock.NotStarted;
        }

        if (S.Grade == ReturnGrade.C)
        {
            return ResaleClock.NotApplicable;
        }

        var due = collected + Options.ResaleWithin;
        if (S.ResoldAt is { } resold)
        {
            return resold < due ? ResaleClock.Met : ResaleClock.Missed;
        }

        return Running(collected);
    }

    private async Task<Location?> LocationAsync(string id) => (await GrainFactory.Catalog().GetLocationsAsync()).FirstOrDefault(l => l.Id == id);

    /// <summary>The id a pickup job is batched by: its own, so a return pickup rides alone (it has no store or warehouse to share).</summary>
    private string PickupLocationId => "return:" + Id;

    /// <summary>
    /// Where a courier collects the item (the order's delivery address; for an order collected in a store, the store that
    /// sold it) and takes it: the configured sorting centre, else the warehouse nearest the pickup, else the selling location.
    /// </summary>
    private async Task<(GeoPoint From, Location Centre)> PickupPlacesAsync()
    {
        var locations = await GrainFactory.Catalog().GetLocationsAsync();
        var sale = locations.FirstOrDefault(l => l.Id == S.SaleLocationId);
        var from = S.PickupFrom ?? sale?.Position ?? throw new InvalidOperationException($"Return {Id}: the location {S.SaleLocationId} that sold it is unknown.");
        var centre = (Options.SortingCentreId is { } id ? locations.FirstOrDefault(l => l.Id == id) : null)
            ?? locations.Where(l => l.Kind == LocationKind.Warehouse).MinBy(l => TravelModel.Kilometres(Places.Of(from), Places.Of(l.Position)))
            ?? sale!;
        return (from, centre);
    }

    /// <summary>Where the clock of an item collected at <paramref name="collected"/> and not back on sale stands now: on track, at risk or breached.</summary>
    private ResaleClock Running(DateTimeOffset collected)
    {
        var now = clock.GetUtcNow();
        return now >= collected + Options.ResaleWithin ? ResaleClock.Breached
            : now >= collected + Options.ResaleAtRiskAfter ? ResaleClock.AtRisk
            : ResaleClock.OnTrack;
    }

    private ReturnSummary Summary() => new()
    {
        ReturnId = Id,
        Version = S.Version,
        Sku = S.Request!.Sku,
        Quantity = S.Request.Quantity,
        Status = S.Status,
        Verdict = S.Check!.Verdict,
        Rule = S.Check.Rule,
        RequestedAt = S.History[0].At,
        CollectedAt = S.CollectedAt,
        ResoldAt = S.ResoldAt,
        Resale = Resale(),
        CouponOffered = CouponOffered,
        Settled = S.Settlement?.Kind,
        CounterSeconds = S.Settlement?.CounterSeconds,
        StoreId = S.StoreId,
        SettledAt = S.Settlement?.At,
        Repurchased = S.Repurchased,
        Note = S.Status == ReturnStatus.InReview ? S.Check.Reason
            : S.Alerted is { } alert ? $"{alert}: collected {S.CollectedAt:u}, due back on sale by {S.CollectedAt + Options.ResaleWithin:u}"
            : null,
    };

    private ReturnResult Missing() => new() { Outcome = ReturnOutcome.NotFound, Detail = $"No return {Id}." };

    private ReturnResult Refuse(string detail) => new() { Outcome = ReturnOutcome.InvalidTransition, Return = View(), Detail = detail };

    /// <summary>Writes the state; when the write fails, the activation goes (its state is not what is stored) and the next reads it back.</summary>
    private Task WriteAsync() => state.SaveAsync(this);

    private static ReturnStatus Verdict(PreCheckVerdict verdict) => verdict switch
    {
        PreCheckVerdict.Approved => ReturnStatus.Approved,
        PreCheckVerdict.InReview => ReturnStatus.InReview,
        _ => ReturnStatus.Rejected,
    };

    private static string Fingerprint(ReturnRequest r)
    {
        var photo = r.Photo is { Length: > 0 } bytes ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : "";
        var text = string.Create(CultureInfo.InvariantCulture, $"{r.ShopperId}\n{r.OrderId}\n{r.Sku}\n{r.Quantity}\n{r.Reason}\n{r.Condition}\n{r.TagsAttached}\n{r.PhotoType}\n{photo}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private ReturnResult Result(ReturnOutcome outcome) => new() { Outcome = outcome, Return = View() };

    private ReturnView View() => new()
    {
        ReturnId = Id,
        OrderId = S.Request!.OrderId,
        ShopperId = S.Request.ShopperId,
        Sku = S.Request.Sku,
        Quantity = S.Request.Quantity,
        Reason = S.Request.Reason,
        Condition = S.Request.Condition,
        TagsAttached = S.Request.TagsAttached,
        Status = S.Status,
        Check = S.Check!,
        History = [.. S.History],
        Version = S.Version,
        CourierId = S.CourierId,
        StoreId = S.StoreId,
        CollectedAt = S.CollectedAt,
        ResaleDueBy = S.CollectedAt + Options.ResaleWithin,
        Resale = Resale(),
        Grade = S.Grade,
        RestockedTo = S.RestockedTo,
        Compensation = new ReturnCompensation
        {
            Refund = Refund(),
            Coupon = CouponOffered ? CouponValue() : null,
            Chosen = S.Chosen,
            ChosenAt = S.ChosenAt,
            Experiment = S.CouponExperiment is { } met ? ExperimentUnits.Tag(met) : null,
        },
        Settlement = S.Settlement,
        Repurchased = S.Repurchased,
    };
}
