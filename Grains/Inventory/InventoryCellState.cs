using Tandem.Contracts.Inventory;

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

/// <summary>What an inventory cell persists. <see cref="CheckInvariants"/> holds after every command.</summary>
[GenerateSerializer, Alias("tandem.inventory-cell-state")]
public sealed class InventoryCellState
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

    public void CheckInvariants()
    {
        if (OnHand < 0 || Committed < 0 || Reserved != Live.Values.Sum(r => r.Quantity) || OnHand - Reserved < 0)
        {
            throw new InvalidOperationException(
                $"Inventory invariant broken: onHand={OnHand} reserved={Reserved} committed={Committed}.");
        }
    }
}
