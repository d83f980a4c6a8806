
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
}
