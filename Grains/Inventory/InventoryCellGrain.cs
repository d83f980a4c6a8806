using System.Globalization;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Orleans.Serialization;
using Orleans.Storage;

using Tandem.Contracts.Inventory;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Inventory;

/// <summary>
/// One SKU at one location.
/// <para>
/// Atomicity: every command checks and changes the state in one synchronous step, with no await in
/// between, so commands never interleave inside a check-then-change even though the grain is reentrant.
/// </para>
/// <para>
/// Durability: <see cref="GroupCommit{TState,TEvent}"/> writes changes made while a write is in flight
/// together, as one consistent snapshot; a command answers only once the write holding its change has
/// succeeded, and a replay or read waits for the writes of what it reports. A failed write fails every
/// waiting command and retires the activation, so unsaved state is never served.
/// </para>
/// Expired reservations are released before every command, and by one timer set for the next expiry.
/// <para>
/// The same grain class is a cell (key <c>sku@location</c>) and each bucket of a split cell (key
/// <c>sku@location#i</c>): a bucket keeps holds exactly as a cell does. How a cell splits, routes, refills and merges
/// is in <c>InventoryCellGrain.Rush.cs</c>; what a bucket does for its cell in <c>InventoryCellGrain.Bucket.cs</c>.
/// </para>
/// </summary>
[Reentrant]
public sealed partial class InventoryCellGrain(
    [PersistentState("cell", StorageNames.Grains)] IPersistentState<InventoryCellState> state,
    DeepCopier<InventoryCellState> copier,
    [FromKeyedServices(StorageNames.Grains)] IGrainStorage storage,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    IOptions<InventoryOptions> options,
    ILogger<InventoryCellGrain> logger) : Grain, IInventoryCellGrain, IHotCellGrain, IStockBucketGrain, IRemindable
{
    /// <summary>The soonest the expiry timer fires again, and the longest it waits before looking.</summary>
    private static readonly TimeSpan MinimumExpiryWait = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaximumExpiryWait = TimeSpan.FromHours(1);

    private CellKey _key;
    private BucketKey? _bucket; // set when this activation is a bucket of a split cell
    private EventPublisher? _publisher;
    private GroupCommit<InventoryCellState, StockChanged>? _commit;
    private IGrainTimer? _expiryTimer;
    private bool _inCensus; // this activation has added the cell to the stock census

    private InventoryCellState S => _commit!.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        if (BucketKey.TryParse(key, out var bucket))
        {
            _bucket = bucket;
            _key = bucket.Cell;
        }
        else
        {
            _key = CellKey.Parse(key);
        }

        state.State.CheckInvariants(); // every hold counted, once, as read; commands then check the counts
        _publisher = new EventPublisher(this, logger);
        _commit = new GroupCommit<InventoryCellState, StockChanged>(
            state, storage is ICapturesStateOnWrite ? null : copier, this, AnnounceAsync, logger);
        ExpireDue();
        ScheduleExpiry();
        await _commit.Durable();
        await ResumeRushAsync();
        if (_bucket is null && S.Version > 0)
        {
            await JoinCensusQuietlyAsync(); // a cell stocked before the census knew of it
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _expiryTimer?.Dispose();
        _totalsTimer?.Dispose();
        await _commit!.Drain();
    }

    /// <summary>A cell tells the stock stream of each durable change; a bucket's changes reach readers through its cell's totals.</summary>
    private Task AnnounceAsync(StockChanged change) =>
        _bucket is null ? _publisher!.PublishAsync(StockChanged.StreamNamespace, _key.Sku, change) : Task.CompletedTask;
    public Task<CellResult> ReceiveAsync(int quantity, string reference, string actor)
    {
        NotABucket();
        Begin();
        if (quantity <= 0)
        {
            return AfterDurable(Refuse(CellOutcome.Conflict, "Quantity must be positive."));
        }

        if (S.AppliedReferences.ContainsKey(reference))
        {
            return InCensusAsync(AfterDurable(Result(CellOutcome.Replayed)));
        }

        return InCensusAsync(Change(StockChangeReason.Received, quantity,
            new CellChange { Kind = CellChangeKind.Received, At = clock.GetUtcNow(), Id = reference, Quantity = quantity, Actor = actor }));
    }

    public Task<CellResult> ReserveAsync(string reservationId, int quantity, TimeSpan ttl)
    {
        if (_bucket is not null)
        {
            return Moved() ?? Reserve(reservationId, quantity, ttl, out _); // the cell counts its callers' reservations
        }

        if (S.SaleStartsAt is { } startsAt && clock.GetUtcNow() < startsAt && !S.Live.ContainsKey(reservationId) && !S.Closed.ContainsKey(reservationId))
        {
            Begin();
            Count(CellOutcome.Insufficient);
            return AfterDurable(Refuse(CellOutcome.Insufficient, string.Create(CultureInfo.InvariantCulture, $"Not on sale before {startsAt:u}.")));
        }

        if (BucketOf(reservationId) is { } bucket)
        {
            return CountedAsync(ReserveInBucketAsync(bucket, reservationId, quantity, ttl));
        }

        var result = Reserve(reservationId, quantity, ttl, out var outcome);
        Count(outcome);
        Measure();
        return result;
    }

    private Task<CellResult> Reserve(string reservationId, int quantity, TimeSpan ttl, out CellOutcome outcome)
    {
        Begin();
        outcome = CellOutcome.Conflict;
        if (quantity <= 0 || ttl <= TimeSpan.Zero)
        {
            return AfterDurable(Refuse(CellOutcome.Conflict, "Quantity and time-to-live must be positive."));
        }

        if (S.Live.TryGetValue(reservationId, out var live))
        {
            if (live.Quantity != quantity)
            {
                return AfterDurable(Refuse(CellOutcome.Conflict, $"Reservation {reservationId} holds {live.Quantity}, not {quantity}."));
            }

            outcome = CellOutcome.Replayed;
            var renewedUntil = clock.GetUtcNow() + ttl;
            if (renewedUntil <= live.ExpiresAt)
            {
                return AfterDurable(Result(CellOutcome.Replayed));
            }

            // Asking again for the same hold renews it: the caller still wants the units.
            S.Apply(new CellChange { Kind = CellChangeKind.Renewed, At = clock.GetUtcNow(), Id = reservationId, ExpiresAt = renewedUntil });
            var renewed = Result(CellOutcome.Replayed);
            return WhenDurable(_commit!.Changed(null), renewed);
        }

        if (S.Closed.TryGetValue(reservationId, out var closed))
        {
            var replay = closed.End == ReservationEnd.Committed && closed.Quantity == quantity;
            outcome = replay ? CellOutcome.Replayed : CellOutcome.Conflict;
            return AfterDurable(replay
                ? Result(CellOutcome.Replayed)
                : Refuse(CellOutcome.Conflict, $"Reservation {reservationId} has already ended ({closed.End})."));
        }

        if (S.OnHand - S.Reserved < quantity)
        {
            outcome = CellOutcome.Insufficient;
            return AfterDurable(Refuse(CellOutcome.Insufficient, $"{S.OnHand - S.Reserved} available, {quantity} asked."));
        }

        outcome = CellOutcome.Applied;

        var now = clock.GetUtcNow();
        var expiresAt = now + ttl;
        var sooner = S.NextExpiry is not { } next || expiresAt < next;
        var reserved = Change(StockChangeReason.Reserved, quantity,
            new CellChange { Kind = CellChangeKind.Reserved, At = now, Id = reservationId, Quantity = quantity, ExpiresAt = expiresAt });
        if (sooner)
        {
            ScheduleExpiry();
        }

        return reserved;
    }

    public Task<CellResult> CommitAsync(string reservationId)
    {
        if (Moved() is { } moved)
        {
            return moved;
        }

        if (BucketOf(reservationId) is { } bucket)
        {
            return ForwardAsync(bucket, b => b.CommitAsync(reservationId), () => CommitAsync(reservationId));
        }

        Begin();
        if (S.Live.TryGetValue(reservationId, out var live))
        {
            return Change(StockChangeReason.Committed, live.Quantity,
                new CellChange { Kind = CellChangeKind.Committed, At = clock.GetUtcNow(), Id = reservationId });
        }

        return AfterDurable(S.Closed.TryGetValue(reservationId, out var closed) && closed.End is ReservationEnd.Committed or ReservationEnd.Restocked
            ? Result(CellOutcome.Replayed)
            : Refuse(CellOutcome.UnknownReservation, $"No live reservation {reservationId}."));
    }

    public Task<CellResult> ReleaseAsync(string reservationId)
    {
        if (Moved() is { } moved)
        {
            return moved;
        }

        if (BucketOf(reservationId) is { } bucket)
        {
            return ForwardAsync(bucket, b => b.ReleaseAsync(reservationId), () => ReleaseAsync(reservationId));
        }

        Begin();
        if (S.Live.TryGetValue(reservationId, out var live))
        {
            return Change(StockChangeReason.Released, live.Quantity,
                new CellChange { Kind = CellChangeKind.Released, At = clock.GetUtcNow(), Id = reservationId });
        }

        if (S.Closed.TryGetValue(reservationId, out var closed))
        {
            return AfterDurable(closed.End is ReservationEnd.Released or ReservationEnd.Expired
                ? Result(CellOutcome.Replayed)
                : Refuse(CellOutcome.Conflict, $"Reservation {reservationId} was {closed.End}; restock it instead."));
        }

        return AfterDurable(Refuse(CellOutcome.UnknownReservation, $"No reservation {reservationId}."));
    }

    public Task<CellResult> RestockAsync(string reservationId)
    {
        if (Moved() is { } moved)
        {
            return moved;
        }

        if (BucketOf(reservationId) is { } bucket)
        {
            return ForwardAsync(bucket, b => b.RestockAsync(reservationId), () => RestockAsync(reservationId));
        }

        Begin();
        if (!S.Closed.TryGetValue(reservationId, out var closed))
        {
            return AfterDurable(Refuse(CellOutcome.UnknownReservation, $"No committed reservation {reservationId}."));
        }

        switch (closed.End)
        {
            case ReservationEnd.Restocked:
                return AfterDurable(Result(CellOutcome.Replayed));
            case ReservationEnd.Committed:
                return Change(StockChangeReason.Restocked, closed.Quantity,
                    new CellChange { Kind = CellChangeKind.Restocked, At = clock.GetUtcNow(), Id = reservationId });
            default:
                return AfterDurable(Refuse(CellOutcome.Conflict, $"Reservation {reservationId} was {closed.End}, never shipped."));
        }
    }

    public Task<CellResult> AdjustAsync(int countedOnHand, string reason, string reference, string actor)
    {
        NotABucket();
        Begin();
        if (S.AppliedReferences.ContainsKey(reference))
        {
            return AfterDurable(Result(CellOutcome.Replayed));
        }

        if (S.Buckets > 0)
        {
            return AfterDurable(Refuse(CellOutcome.Conflict, "The cell is split into buckets for a rush; count it once they are merged back."));
        }

        if (countedOnHand < S.Reserved)
        {
            return AfterDurable(Refuse(CellOutcome.Conflict, $"Counted {countedOnHand} is below the {S.Reserved} units reserved."));
        }

        return InCensusAsync(Change(StockChangeReason.Adjusted, Math.Abs(countedOnHand - S.OnHand), new CellChange
        {
            Kind = CellChangeKind.Adjusted, At = clock.GetUtcNow(), Id = reference, Quantity = countedOnHand, Actor = actor, Reason = reason,
        }));
    }

    public Task<CellResult> ScheduleSaleAsync(DateTimeOffset? startsAt, string actor)
    {
        NotABucket();
        Begin();
        if (S.SaleStartsAt == startsAt)
        {
            return AfterDurable(Result(CellOutcome.Replayed));
        }

        return Change(StockChangeReason.SaleScheduled, 0, new CellChange { Kind = CellChangeKind.SaleScheduled, At = clock.GetUtcNow(), ExpiresAt = startsAt, Actor = actor });
    }

    public async Task<CellSnapshot> SetBinAsync(Bin bin)
    {
        NotABucket();
        Begin();
        if (S.Bin != bin)
        {
            return (await InCensusAsync(Change(StockChangeReason.BinMoved, 0, new CellChange { Kind = CellChangeKind.BinMoved, At = clock.GetUtcNow(), Bin = bin }))).Cell;
        }

        return (await InCensusAsync(AfterDurable(Result(CellOutcome.Replayed)))).Cell;
    }

    public async Task<CellSnapshot> GetSnapshotAsync()
    {
        Begin();
        await ReadBucketsAsync(); // a split cell's totals from every bucket as it stands now
        return (await AfterDurable(Result(CellOutcome.Replayed))).Cell;
    }

    public async Task<IReadOnlyList<CellHistoryEntry>> GetHistoryAsync()
    {
        NotABucket();
        Begin();
        IReadOnlyList<CellHistoryEntry> history = [.. S.History]; // taken now, answered once all of it is saved
        await AfterDurable(Result(CellOutcome.Replayed));
        return history;
    }

    /// <summary>
    /// A stocked cell is in the stock census before it answers: a receipt, count or bin whose answer was lost is asked again,
    /// and the replay joins the census if the first call could not.
    /// </summary>
    private async Task<CellResult> InCensusAsync(Task<CellResult> command)
    {
        var result = await command;
        if (!_inCensus && result.Outcome is CellOutcome.Applied or CellOutcome.Replayed)
        {
            await GrainFactory.StockRange(_key).AddAsync(_key.ToString());
            _inCensus = true;
        }

        return result;
    }

    private async Task JoinCensusQuietlyAsync()
    {
        try
        {
            await GrainFactory.StockRange(_key).AddAsync(_key.ToString());
            _inCensus = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.CensusJoinFailed(ex, _key.ToString());
        }
    }

    /// <summary>Every command starts here: refuse if storage failed, then let lapsed holds go.</summary>
    private void Begin()
    {
        _commit!.ThrowIfFailed();
        ExpireDue();
    }

    private void ExpireDue()
    {
        var now = clock.GetUtcNow();
        if (S.Live.Count == 0)
        {
            S.NextExpiry = null; // derived: the holds were committed or released before they lapsed
            return;
        }

        if (S.NextExpiry is { } next && next > now)
        {
            return;
        }

        var due = S.Live.Where(kv => kv.Value.ExpiresAt <= now).ToList();
        if (due.Count > 0)
        {
            _ = Change(StockChangeReason.Expired, due.Sum(d => d.Value.Quantity),
                new CellChange { Kind = CellChangeKind.Expired, At = now, Ids = [.. due.Select(d => d.Key)] });
        }
        else
        {
            S.NextExpiry = S.Live.Values.Min(r => r.ExpiresAt); // derived; early only in states stored before renewals kept it exact
        }
    }

    /// <summary>Sets the one expiry timer for the next hold to lapse, or stops it when none is live.</summary>
    private void ScheduleExpiry()
    {
        if (S.Live.Count == 0 || S.NextExpiry is not { } next)
        {
            _expiryTimer?.Dispose();
            _expiryTimer = null;
            return;
        }

        var wait = next - clock.GetUtcNow();
        wait = wait < MinimumExpiryWait ? MinimumExpiryWait : wait > MaximumExpiryWait ? MaximumExpiryWait : wait;
        if (_expiryTimer is null)
        {
            _expiryTimer = this.RegisterGrainTimer(
                async _ =>
                {
                    ExpireDue();
                    ScheduleExpiry();
                    await _commit!.Durable();
                },
                new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan) { KeepAlive = true, Interleave = true });
        }
        else
        {
            _expiryTimer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Applies a change to the state and answers once it is durable.</summary>
    private Task<CellResult> Change(StockChangeReason reason, int quantity, CellChange change)
    {
        S.Apply(change);
        S.CheckCounts();
        var result = Result(CellOutcome.Applied);
        var durable = _commit!.Changed(new StockChanged { Cell = result.Cell, Reason = reason, Quantity = quantity, At = clock.GetUtcNow() });
        return WhenDurable(durable, result);
    }

    /// <summary>Answers once everything this activation has changed so far is durable.</summary>
    private Task<CellResult> AfterDurable(CellResult result) => WhenDurable(_commit!.Durable(), result);

    private static async Task<CellResult> WhenDurable(Task durable, CellResult result)
    {
        await durable;
        return result;
    }

    /// <summary>What a caller of this grain sees: a split cell's totals, or this cell's or bucket's own numbers.</summary>
    private CellSnapshot Snapshot() => _bucket is null && S.Buckets > 0 ? Totals() : Own();

    /// <summary>The numbers this activation keeps itself.</summary>
    private CellSnapshot Own() => new()
    {
        Sku = _key.Sku,
        LocationId = _key.LocationId,
        OnHand = S.OnHand,
        Reserved = S.Reserved,
        Committed = S.Committed,
        Bin = S.Bin,
        Version = S.Version,
        LiveReservations = S.Live.Count,
        SaleStartsAt = S.SaleStartsAt,
    };

    private CellResult Result(CellOutcome outcome) => new() { Outcome = outcome, Cell = Snapshot(), Bucket = Tally() };

    private CellResult Refuse(CellOutcome outcome, string detail) => new() { Outcome = outcome, Cell = Snapshot(), Detail = detail, Bucket = Tally() };

    private static void Count(CellOutcome outcome) =>
        TandemMetrics.Reservations.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()));
}
