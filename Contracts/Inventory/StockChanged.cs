
namespace Tandem.Contracts.Inventory;

[GenerateSerializer, Alias("tandem.stock-change-reason")]
public enum StockChangeReason
{
    Received = 0,
    Reserved = 1,
    Committed = 2,
    Released = 3,
    Expired = 4,
    Adjusted = 5,
    Restocked = 6,
    BinMoved = 7,

    /// <summary>A cell split into buckets for a rush tells its totals (several times a second while it is hot).</summary>
    Rush = 8,

    /// <summary>A sale was scheduled or called off.</summary>
    SaleScheduled = 9,
}

/// <summary>An inventory cell changed. Published on the stream namespace <see cref="StreamNamespace"/>, partitioned by sku.</summary>
[GenerateSerializer, Immutable, Alias("tandem.stock-changed")]
public sealed record StockChanged
{
    /// <summary>What the control room's feed calls these events (<c>OpsEvent.Kind</c>).</summary>
    public const string OpsKind = "stock";

    /// <summary>The stream namespace these events travel on.</summary>
    public const string StreamNamespace = "tandem.stock";

    [Id(0)] public required CellSnapshot Cell { get; init; }

    [Id(1)] public required StockChangeReason Reason { get; init; }

    /// <summary>Units the change moved (reserved, received…), positive.</summary>
    [Id(2)] public required int Quantity { get; init; }

    [Id(3)] public required DateTimeOffset At { get; init; }

    /// <summary>Set while the cell is split into buckets for a rush; null once it is whole again.</summary>
    [Id(4)] public HotCell? Hot { get; init; }
}

/// <summary>A cell split into buckets for a rush: how fast it is selling and where its units are.</summary>
[GenerateSerializer, Immutable, Alias("tandem.hot-cell")]
public sealed record HotCell
{
    /// <summary>Reservations answered in the last full second, or so far in this one if more.</summary>
    [Id(0)] public required int ReservationsPerSecond { get; init; }

    [Id(1)] public required IReadOnlyList<HotBucket> Buckets { get; init; }

    /// <summary>Units the cell keeps to refill its buckets.</summary>
    [Id(2)] public required int Pool { get; init; }
}

/// <summary>One bucket of a hot cell.</summary>
[GenerateSerializer, Immutable, Alias("tandem.hot-bucket")]
public sealed record HotBucket
{
    [Id(0)] public required int Index { get; init; }

    [Id(1)] public required int Available { get; init; }

    [Id(2)] public required int Reserved { get; init; }
}
