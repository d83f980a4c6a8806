using Tandem.Contracts.Inventory;

namespace Tandem.Grains.Interfaces.Inventory;

/// <summary>A cell and, while it is split for a rush, its buckets: what the control room shows of a hot cell.</summary>
[GenerateSerializer, Immutable, Alias("tandem.hot-cell-view")]
public sealed record HotCellView
{
    /// <summary>The cell's totals: what every reader of the cell sees.</summary>
    [Id(0)] public required CellSnapshot Total { get; init; }

    /// <summary>The units and holds the cell keeps itself (its pool for refilling buckets, and holds made before the split).</summary>
    [Id(1)] public required CellSnapshot Own { get; init; }

    /// <summary>Empty unless split.</summary>
    [Id(2)] public required IReadOnlyList<BucketView> Buckets { get; init; }

    /// <summary>Reservations the cell answered in the last full second, or so far in this one if more.</summary>
    [Id(3)] public required int ReservationsPerSecond { get; init; }

    /// <summary>Buckets are handing their units and holds back.</summary>
    [Id(4)] public required bool Merging { get; init; }

    /// <summary>Times a bucket ran dry and was refilled (from the cell's pool or its siblings) in this activation.</summary>
    [Id(5)] public required long Refills { get; init; }

    public bool Split => Buckets.Count > 0;
}

/// <summary>One bucket as its cell last heard from it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.bucket-view")]
public sealed record BucketView
{
    [Id(0)] public required int Index { get; init; }

    [Id(1)] public required int OnHand { get; init; }

    [Id(2)] public required int Reserved { get; init; }

    [Id(3)] public required int Committed { get; init; }

    /// <summary>Units on their way between the bucket and its cell: counted by neither side's own numbers.</summary>
    [Id(4)] public required long Moving { get; init; }

    [Id(5)] public required int LiveReservations { get; init; }

    public int Available => OnHand - Reserved;
}
