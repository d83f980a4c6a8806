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

    /// <summary>When a reservation made or renewed lapses; when a sale starts.</summary>
    [Id(4)] public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The reservations that lapsed together.</summary>
    [Id(5)] public IReadOnlyList<string>? Ids { get; init; }

    [Id(6)] public string? Actor { get; init; }

    [Id(7)] public string? Reason { get; init; }

    [Id(8)] public Bin? Bin { get; init; }

    /// <summary>The bucket units were sent to or taken back from (a split cell's changes).</summary>
    [Id(9)] public int Bucket { get; init; }

    /// <summary>A running total of units moved between a cell and a bucket: sent, given back.</summary>
    [Id(10)] public long Total { get; init; }

    /// <summary>What a bucket handed back when its cell merged.</summary>
    [Id(11)] public BucketHandover? Handover { get; init; }
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

    /// <summary>A cell split into <see cref="CellChange.Quantity"/> buckets (a new split number).</summary>
    Split = 9,

    /// <summary>A split cell sent units to a bucket.</summary>
    Sent = 10,

    /// <summary>A split cell counted units a bucket gave back (<see cref="CellChange.Total"/>: all it has given back).</summary>
    Reclaimed = 11,

    /// <summary>A split cell stopped refilling its buckets and asks each to hand everything back.</summary>
    MergeBegun = 12,

    /// <summary>A split cell took a bucket's units, holds and ended holds back.</summary>
    TookOver = 13,

    /// <summary>Every bucket was taken back: the cell is whole.</summary>
    Merged = 14,

    /// <summary>A bucket counted units its cell sent (<see cref="CellChange.Total"/>: all it was sent, <see cref="CellChange.Quantity"/>: the split).</summary>
    Funded = 15,

    /// <summary>A bucket gave free units back to its cell.</summary>
    Returned = 16,

    /// <summary>A bucket handed everything back and stopped serving.</summary>
    HandedOver = 17,

    /// <summary>The cell's units go on sale at <see cref="CellChange.ExpiresAt"/> (null: on sale now).</summary>
    SaleScheduled = 18,
}
