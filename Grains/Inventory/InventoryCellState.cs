using System.Text.Json.Serialization;

using Orleans.Storage;

using Tandem.Contracts.Inventory;
using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Inventory;

/// <summary>
/// A live hold on stock. Kept small: a cell's whole state is written on every change, so each field here is written
/// once per hold and change (states stored with a <c>createdAt</c> read as before: it was never used).
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.reservation")]
public sealed record Reservation
{
    [Id(0)] public required int Quantity { get; init; }

    [Id(1)] public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>A reservation that has ended: committed (stock left), released, expired or restocked.</summary>
[GenerateSerializer, Immutable, Alias("tandem.closed-reservation")]
public sealed record ClosedReservation
{
    [Id(0)] public required int Quantity { get; init; }

    [Id(1)] public required ReservationEnd End { get; init; }

    [Id(2)] public required DateTimeOffset At { get; init; }
}

[GenerateSerializer, Alias("tandem.reservation-end")]
public enum ReservationEnd
{
    Committed = 0,
    Released = 1,
    Expired = 2,
    Restocked = 3,
}

/// <summary>Running totals of units a cell has sent to one bucket and counted back from it; <see cref="TakenOver"/>: the last split whose bucket it took back.</summary>
[GenerateSerializer, Immutable, Alias("tandem.bucket-channel")]
public sealed record BucketChannel
{
    public static readonly BucketChannel Empty = new();

    [Id(0)] public long Sent { get; init; }

    [Id(1)] public long Received { get; init; }

    [Id(2)] public int TakenOver { get; init; }
}

/// <summary>
/// What an inventory cell persists. Every change is made by <see cref="Apply"/>, which also records it for a storage
/// that keeps changes instead of whole states (<see cref="IJournaledState"/>). <see cref="CheckInvariants"/> holds
/// after every command (<see cref="CheckCounts"/> checks what needs no look at every hold).
/// </summary>
[GenerateSerializer, Alias("tandem.inventory-cell-state")]
public sealed class InventoryCellState : IJournaledState
{
    public const int CurrentSchema = 1;

    /// <summary>How many ended reservations and applied references are remembered for idempotency.</summary>
    public const int RememberedIds = 5000;

    public const int HistoryLength = 100;

    [Id(0)] public int Schema { get; set; } = CurrentSchema;

    [Id(1)] public int OnHand { get; set; }

    [Id(2)] public Bin? Bin { get; set; }

    [Id(3)] public Dictionary<string, Reservation> Live { get; set; } = [];

    [Id(4)] public Dictionary<string, ClosedReservation> Closed { get; set; } = [];

    /// <summary>Receipt and adjustment references already applied, with when.</summary>
    [Id(5)] public Dictionary<string, DateTimeOffset> AppliedReferences { get; set; } = [];

    /// <summary>Units shipped through committed reservations and not restocked.</summary>
    [Id(6)] public int Committed { get; set; }

    [Id(7)] public long Version { get; set; }

    [Id(8)] public List<CellHistoryEntry> History { get; set; } = [];

    /// <summary>Units held by live reservations; always the sum of <see cref="Live"/>.</summary>
    [Id(9)] public int Reserved { get; set; }

    /// <summary>When the earliest live reservation lapses; null when none is live.</summary>
    [Id(10)] public DateTimeOffset? NextExpiry { get; set; }

    /// <summary>A cell: how many buckets it is split into; 0 when whole (and once merged).</summary>
    [Id(11)] public int Buckets { get; set; }

    /// <summary>A cell: the running totals of units sent to and taken back from each bucket it ever had.</summary>
    [Id(12)] public Dictionary<int, BucketChannel> Channels { get; set; } = [];

    /// <summary>A cell: its buckets are being taken back; none is refilled.</summary>
    [Id(13)] public bool Merging { get; set; }

    /// <summary>Which split this is (a cell counts its splits; a bucket remembers the one it serves).</summary>
    [Id(14)] public int Split { get; set; }

    /// <summary>A bucket: units its cell has sent, ever.</summary>
    [Id(15)] public long FromCell { get; set; }

    /// <summary>A bucket: units it has given back, ever.</summary>
    [Id(16)] public long ToCell { get; set; }

    /// <summary>A bucket: handed everything back; serves nothing until its cell splits again.</summary>
    [Id(17)] public bool Retired { get; set; }

    /// <summary>A bucket: what it handed back, kept so the cell may ask again.</summary>
    [Id(18)] public BucketHandover? Handover { get; set; }

    /// <summary>A cell: when its units go on sale; no hold is made before.</summary>
    [Id(19)] public DateTimeOffset? SaleStartsAt { get; set; }

    /// <summary>Changes applied since the last hand-off to storage; never copied, never stored whole.</summary>
    [NonSerialized]
    private List<CellChange> _unwritten = [];

    /// <summary>The changes handed to this state for storage to write (it may be the live state itself).</summary>
    [NonSerialized]
    private List<CellChange> _handed = [];

    [JsonIgnore]
    public int HandedChanges => _handed.Count;

    /// <summary>Applies <paramref name="change"/> and records it for the next write.</summary>
    public void Apply(CellChange change)
    {
        Evolve(change);
        _unwritten.Add(change);
    }

    public void HandOffChanges(IJournaledState target)
    {
        _handed = [];
        ((InventoryCellState)target)._handed = _unwritten;
        _unwritten = [];
    }

    public BinaryData SerializeChanges(IGrainStorageSerializer serializer) => serializer.Serialize(_handed);

    public void Replay(BinaryData changes, IGrainStorageSerializer serializer)
    {
        foreach (var change in serializer.Deserialize<List<CellChange>>(changes) ?? [])
        {
            Evolve(change);
        }
    }

    /// <summary>The one place a cell's state changes: the same for a change decided now and one read back.</summary>
    private void Evolve(CellChange c)
    {
        switch (c.Kind)
        {
            case CellChangeKind.Received:
                OnHand += c.Quantity;
                Remember(c.Id!, c.At);
                Record("receipt", c.Quantity, c.Id!, c.Actor!, null, c.At);
                break;
            case CellChangeKind.Reserved:
                Live[c.Id!] = new Reservation { Quantity = c.Quantity, ExpiresAt = c.ExpiresAt!.Value };
                Reserved += c.Quantity;
                if (NextExpiry is not { } next || c.ExpiresAt < next)
                {
                    NextExpiry = c.ExpiresAt;
                }

                break;
            case CellChangeKind.Renewed:
                Live[c.Id!] = Live[c.Id!] with { ExpiresAt = c.ExpiresAt!.Value };
                NextExpiry = Live.Values.Min(r => r.ExpiresAt); // the renewed hold may have been the next to lapse
                break;
            case CellChangeKind.Committed:
                var committed = End(c.Id!, ReservationEnd.Committed, c.At);
                OnHand -= committed;
                Committed += committed;
                break;
            case CellChangeKind.Released:
                End(c.Id!, ReservationEnd.Released, c.At);
                break;
            case CellChangeKind.Expired:
                foreach (var id in c.Ids!)
                {
                    End(id, ReservationEnd.Expired, c.At);
                }

                NextExpiry = Live.Count == 0 ? null : Live.Values.Min(r => r.ExpiresAt);
                break;
            case CellChangeKind.Restocked:
                var shipped = Closed[c.Id!].Quantity;
                OnHand += shipped;
                Committed -= shipped;
                Close(c.Id!, shipped, ReservationEnd.Restocked, c.At);
                Record("restock", shipped, c.Id!, "system", null, c.At);
                break;
            case CellChangeKind.Adjusted:
                var delta = c.Quantity - OnHand;
                OnHand = c.Quantity;
                Remember(c.Id!, c.At);
                Record("adjustment", delta, c.Id!, c.Actor!, c.Reason, c.At);
                break;
            case CellChangeKind.BinMoved:
                Bin = c.Bin;
                break;
            case CellChangeKind.Split:
                Buckets = c.Quantity;
                Split++;
                Merging = false;
                break;
            case CellChangeKind.Sent:
                OnHand -= c.Quantity;
                Channels[c.Bucket] = Channel(c.Bucket) with { Sent = Channel(c.Bucket).Sent + c.Quantity };
                break;
            case CellChangeKind.Reclaimed:
                OnHand += (int)(c.Total - Channel(c.Bucket).Received);
                Channels[c.Bucket] = Channel(c.Bucket) with { Received = c.Total };
                break;
            case CellChangeKind.MergeBegun:
                Merging = true;
                break;
            case CellChangeKind.TookOver:
                TakeOver(c.Bucket, c.Handover!);
                break;
            case CellChangeKind.Merged:
                Buckets = 0;
                Merging = false;
                break;
            case CellChangeKind.Funded:
                if (c.Quantity > Split)
                {
                    Split = c.Quantity;
                    Retired = false;
                    Handover = null;
                }

                OnHand += (int)(c.Total - FromCell);
                FromCell = c.Total;
                break;
            case CellChangeKind.Returned:
                OnHand -= c.Quantity;
                ToCell += c.Quantity;
                break;
            case CellChangeKind.HandedOver:
                HandOver();
                break;
            case CellChangeKind.SaleScheduled:
                SaleStartsAt = c.ExpiresAt;
                break;
            default:
                throw new InvalidOperationException($"Unknown cell change {c.Kind}.");
        }

        Version++;
    }

    /// <summary>The running totals of units moved between this cell and bucket <paramref name="bucket"/>.</summary>
    public BucketChannel Channel(int bucket) => Channels.GetValueOrDefault(bucket) ?? BucketChannel.Empty;

    /// <summary>A cell takes back all a bucket handed over: its units (counted in its running total), holds, ended holds and shipped units.</summary>
    private void TakeOver(int bucket, BucketHandover handover)
    {
        var channel = Channel(bucket);
        OnHand += (int)(handover.ToCell - channel.Received);
        Channels[bucket] = channel with { Received = handover.ToCell, TakenOver = handover.Split };
        Committed += handover.Committed;
        foreach (var (id, hold) in handover.Live)
        {
            Live[id] = hold;
            Reserved += hold.Quantity;
            if (NextExpiry is not { } next || hold.ExpiresAt < next)
            {
                NextExpiry = hold.ExpiresAt;
            }
        }

        foreach (var (id, closed) in handover.Closed)
        {
            Closed[id] = closed;
        }

        Closed.TrimTo(RememberedIds, c => c.At);
        Version += handover.Version; // readers of the totals counted the bucket's changes: the version never goes back
    }

    /// <summary>A bucket hands everything it has back and retires.</summary>
    private void HandOver()
    {
        Handover = new BucketHandover
        {
            Split = Split,
            OnHand = OnHand,
            Committed = Committed,
            Live = new Dictionary<string, Reservation>(Live),
            Closed = new Dictionary<string, ClosedReservation>(Closed),
            ToCell = ToCell + OnHand,
            Version = Version + 1,
        };
        ToCell += OnHand;
        OnHand = 0;
        Committed = 0;
        Reserved = 0;
        Live.Clear();
        Closed.Clear();
        NextExpiry = null;
        Retired = true;
    }

    /// <summary>Ends a live reservation: its units are no longer held. Returns them.</summary>
    private int End(string reservationId, ReservationEnd end, DateTimeOffset at)
    {
        Live.Remove(reservationId, out var live);
        Reserved -= live!.Quantity;
        if (Live.Count == 0)
        {
            NextExpiry = null;
        }

        Close(reservationId, live.Quantity, end, at);
        return live.Quantity;
    }

    private void Close(string reservationId, int quantity, ReservationEnd end, DateTimeOffset at)
    {
        Closed[reservationId] = new ClosedReservation { Quantity = quantity, End = end, At = at };
        Closed.TrimTo(RememberedIds, c => c.At);
    }

    private void Remember(string reference, DateTimeOffset at)
    {
        AppliedReferences[reference] = at;
        AppliedReferences.TrimTo(RememberedIds, t => t);
    }

    private void Record(string kind, int delta, string reference, string actor, string? reason, DateTimeOffset at)
    {
        History.Add(new CellHistoryEntry { At = at, Kind = kind, Delta = delta, Reference = reference, Actor = actor, Reason = reason });
        History.TrimTo(HistoryLength);
    }

    /// <summary>The invariants that hold of the counts alone, checked after every command without looking at every hold.</summary>
    public void CheckCounts()
    {
        if (OnHand < 0 || Committed < 0 || Reserved < 0 || OnHand - Reserved < 0)
        {
            throw new InvalidOperationException(
                $"Inventory invariant broken: onHand={OnHand} reserved={Reserved} committed={Committed}.");
        }
    }

    /// <summary>Every invariant, including that <see cref="Reserved"/> is the sum of the live holds (checked when a cell is read).</summary>
    public void CheckInvariants()
    {
        if (OnHand < 0 || Committed < 0 || Reserved != Live.Values.Sum(r => r.Quantity) || OnHand - Reserved < 0)
        {
            throw new InvalidOperationException(
                $"Inventory invariant broken: onHand={OnHand} reserved={Reserved} committed={Committed}.");
        }
    }
}
