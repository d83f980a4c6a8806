using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Streams;

namespace Tandem.Grains.Inventory;

/// <summary>
/// One SKU at one location. Not reentrant: commands run one at a time, so check-then-change is atomic.
/// Expired reservations are released before every command and by a timer while any are live.
/// </summary>
public sealed class InventoryCellGrain(
    [PersistentState("cell", StorageNames.Grains)] IPersistentState<InventoryCellState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<InventoryCellGrain> logger) : Grain, IInventoryCellGrain
{
    private static readonly TimeSpan ExpiryScan = TimeSpan.FromSeconds(1);

    private CellKey _key;
    private EventPublisher? _publisher;
    private IGrainTimer? _expiryTimer;

    private InventoryCellState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = CellKey.Parse(this.GetPrimaryKeyString());
        _publisher = new EventPublisher(this, logger);
        return ExpireDueAsync();
    }

    public async Task<CellResult> ReceiveAsync(int quantity, string reference, string actor)
    {
        await ExpireDueAsync();
        if (quantity <= 0)
        {
            return Refuse(CellOutcome.Conflict, "Quantity must be positive.");
        }

        if (S.AppliedReferences.ContainsKey(reference))
        {
            return Result(CellOutcome.Replayed);
        }

        S.OnHand += quantity;
        Remember(reference);
        Record("receipt", quantity, reference, actor, null);
        await CommitChangeAsync(StockChangeReason.Received, quantity);
        return Result(CellOutcome.Applied);
    }

    public async Task<CellResult> ReserveAsync(string reservationId, int quantity, TimeSpan ttl)
    {
        await ExpireDueAsync();
        if (quantity <= 0 || ttl <= TimeSpan.Zero)
        {
            return Refuse(CellOutcome.Conflict, "Quantity and time-to-live must be positive.");
        }

        if (S.Live.TryGetValue(reservationId, out var live))
        {
            return live.Quantity == quantity
                ? Result(CellOutcome.Replayed)
                : Refuse(CellOutcome.Conflict, $"Reservation {reservationId} holds {live.Quantity}, not {quantity}.");
        }

        if (S.Closed.TryGetValue(reservationId, out var closed))
        {
            return closed.End == ReservationEnd.Committed && closed.Quantity == quantity
                ? Result(CellOutcome.Replayed)
                : Refuse(CellOutcome.Conflict, $"Reservation {reservationId} has already ended ({closed.End}).");
        }

        if (S.OnHand - S.Reserved < quantity)
        {
            return Refuse(CellOutcome.Insufficient, $"{S.OnHand - S.Reserved} available, {quantity} asked.");
        }

        var now = clock.GetUtcNow();
        S.Live[reservationId] = new Reservation { Quantity = quantity, ExpiresAt = now + ttl, CreatedAt = now };
        await CommitChangeAsync(StockChangeReason.Reserved, quantity);
        EnsureExpiryTimer();
        return Result(CellOutcome.Applied);
    }

    public async Task<CellResult> CommitAsync(string reservationId)
    {
        await ExpireDueAsync();
        if (S.Live.Remove(reservationId, out var live))
        {
            S.OnHand -= live.Quantity;
            S.Committed += live.Quantity;
            Close(reservationId, live.Quantity, ReservationEnd.Committed);
            await CommitChangeAsync(StockChangeReason.Committed, live.Quantity);
            return Result(CellOutcome.Applied);
        }

        return S.Closed.TryGetValue(reservationId, out var closed) && closed.End is ReservationEnd.Committed or ReservationEnd.Restocked
            ? Result(CellOutcome.Replayed)
            : Refuse(CellOutcome.UnknownReservation, $"No live reservation {reservationId}.");
    }

    public async Task<CellResult> ReleaseAsync(string reservationId)
    {
        await ExpireDueAsync();
        if (S.Live.Remove(reservationId, out var live))
        {
            Close(reservationId, live.Quantity, ReservationEnd.Released);
            await CommitChangeAsync(StockChangeReason.Released, live.Quantity);
            return Result(CellOutcome.Applied);
        }

        if (S.Closed.TryGetValue(reservationId, out var closed))
        {
            return closed.End is ReservationEnd.Released or ReservationEnd.Expired
                ? Result(CellOutcome.Replayed)
                : Refuse(CellOutcome.Conflict, $"Reservation {reservationId} was {closed.End}; restock it instead.");
        }

        return Refuse(CellOutcome.UnknownReservation, $"No reservation {reservationId}.");
    }

    public async Task<CellResult> RestockAsync(string reservationId)
    {
        await ExpireDueAsync();
        if (!S.Closed.TryGetValue(reservationId, out var closed))
        {
            return Refuse(CellOutcome.UnknownReservation, $"No committed reservation {reservationId}.");
        }

        switch (closed.End)
        {
            case ReservationEnd.Restocked:
                return Result(CellOutcome.Replayed);
            case ReservationEnd.Committed:
                S.OnHand += closed.Quantity;
                S.Committed -= closed.Quantity;
                Close(reservationId, closed.Quantity, ReservationEnd.Restocked);
                Record("restock", closed.Quantity, reservationId, "system", null);
                await CommitChangeAsync(StockChangeReason.Restocked, closed.Quantity);
                return Result(CellOutcome.Applied);
            default:
                return Refuse(CellOutcome.Conflict, $"Reservation {reservationId} was {closed.End}, never shipped.");
        }
    }

    public async Task<CellResult> AdjustAsync(int countedOnHand, string reason, string reference, string actor)
    {
        await ExpireDueAsync();
        if (S.AppliedReferences.ContainsKey(reference))
        {
            return Result(CellOutcome.Replayed);
        }

        if (countedOnHand < S.Reserved)
        {
            return Refuse(CellOutcome.Conflict, $"Counted {countedOnHand} is below the {S.Reserved} units reserved.");
        }

        var delta = countedOnHand - S.OnHand;
        S.OnHand = countedOnHand;
        Remember(reference);
        Record("adjustment", delta, reference, actor, reason);
        await CommitChangeAsync(StockChangeReason.Adjusted, Math.Abs(delta));
        return Result(CellOutcome.Applied);
    }

    public async Task<CellSnapshot> SetBinAsync(Bin bin)
    {
        await ExpireDueAsync();
        if (S.Bin != bin)
        {
            S.Bin = bin;
            await CommitChangeAsync(StockChangeReason.BinMoved, 0);
        }

        return Snapshot();
    }

    public async Task<CellSnapshot> GetSnapshotAsync()
    {
        await ExpireDueAsync();
        return Snapshot();
    }

    private async Task ExpireDueAsync()
    {
        var now = clock.GetUtcNow();
        var due = S.Live.Where(kv => kv.Value.ExpiresAt <= now).ToList();
        if (due.Count == 0)
        {
            return;
        }

        foreach (var (id, reservation) in due)
        {
            S.Live.Remove(id);
            Close(id, reservation.Quantity, ReservationEnd.Expired);
        }

        await CommitChangeAsync(StockChangeReason.Expired, due.Sum(d => d.Value.Quantity));
    }

    private void EnsureExpiryTimer()
    {
        _expiryTimer ??= this.RegisterGrainTimer(
            async _ =>
            {
                await ExpireDueAsync();
                if (S.Live.Count == 0)
                {
                    _expiryTimer?.Dispose();
                    _expiryTimer = null;
                }
            },
            new GrainTimerCreationOptions(ExpiryScan, ExpiryScan) { KeepAlive = true });
    }

    private async Task CommitChangeAsync(StockChangeReason reason, int quantity)
    {
        S.CheckInvariants();
        S.Version++;
        await state.SaveAsync(this);
        var change = new StockChanged { Cell = Snapshot(), Reason = reason, Quantity = quantity, At = clock.GetUtcNow() };
        await _publisher!.PublishAsync(StreamMap.Stock, _key.Sku, change);
    }

    private void Close(string reservationId, int quantity, ReservationEnd end)
    {
        S.Closed[reservationId] = new ClosedReservation { Quantity = quantity, End = end, At = clock.GetUtcNow() };
        S.Closed.TrimTo(InventoryCellState.RememberedIds, c => c.At);
    }

    private void Remember(string reference)
    {
        S.AppliedReferences[reference] = clock.GetUtcNow();
        S.AppliedReferences.TrimTo(InventoryCellState.RememberedIds, at => at);
    }

    private void Record(string kind, int delta, string reference, string actor, string? reason)
    {
        S.History.Add(new CellHistoryEntry
        {
            At = clock.GetUtcNow(), Kind = kind, Delta = delta, Reference = reference, Actor = actor, Reason = reason,
        });
        S.History.TrimTo(InventoryCellState.HistoryLength);
    }

    private CellSnapshot Snapshot() => new()
    {
        Sku = _key.Sku,
        LocationId = _key.LocationId,
        OnHand = S.OnHand,
        Reserved = S.Reserved,
        Committed = S.Committed,
        Bin = S.Bin,
        Version = S.Version,
        LiveReservations = S.Live.Count,
    };

    private CellResult Result(CellOutcome outcome) => new() { Outcome = outcome, Cell = Snapshot() };

    private CellResult Refuse(CellOutcome outcome, string detail) => new() { Outcome = outcome, Cell = Snapshot(), Detail = detail };
}
