using Tandem.Contracts.Inventory;

namespace Tandem.Grains.Inventory;

/// <summary>
/// One change of an inventory cell, as the cell decided it: applying the changes in order to the state they were
/// made on gives the state they led to (<see cref="InventoryCellState.Apply"/>). A cell's storage may keep these
/// instead of rewriting the whole state on every change.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.cell-change")]
public sealed record CellChange
{
    [Id(0)] public required CellChangeKind Kind { get; init; }

    [Id(1)] public required DateTimeOffset At { get; init; }

    /// <summary>The reservation (reserved, renewed, committed, released, restocked) or the reference (received, adjusted).</summary>
    [Id(2)] public string? Id { get; init; }

    /// <summary>Units received or reserved; the counted on hand of an adjustment.</summary>
    [Id(3)] public int Quantity { get; init; }

    /// <summary>When a reservation made or renewed lapses.</summary>
    [Id(4)] public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The reservations that lapsed together.</summary>
    [Id(5)] public IReadOnlyList<string>? Ids { get; init; }

    [Id(6)] public string? Actor { get; init; }

    [Id(7)] public string? Reason { get; init; }

    [Id(8)] public Bin? Bin { get; init; }
}

[GenerateSerializer, Alias("tandem.cell-change-kind")]
public enum CellChangeKind
{
    Received = 0,
    Reserved = 1,
    Renewed = 2,
    Committed = 3,
    Released = 4,
    Expired = 5,
    Restocked = 6,
    Adjusted = 7,
    BinMoved = 8,
}
