namespace Tandem.Contracts.Supply;

/// <summary>Stock on its way to a store: shipped from a warehouse (or ordered from the supplier), then received there once.</summary>
[GenerateSerializer, Immutable, Alias("tandem.transfer-view")]
public sealed record TransferView
{
    [Id(0)] public required string TransferId { get; init; }

    [Id(1)] public required string Sku { get; init; }

    /// <summary>The warehouse it left; null for an order from the supplier.</summary>
    [Id(2)] public string? FromLocationId { get; init; }

    [Id(3)] public required string ToLocationId { get; init; }

    [Id(4)] public required int Quantity { get; init; }

    [Id(5)] public required TransferStatus Status { get; init; }

    [Id(6)] public required DateTimeOffset CreatedAt { get; init; }

    [Id(7)] public DateTimeOffset? ReceivedAt { get; init; }

    [Id(8)] public required string CreatedBy { get; init; }

    [Id(9)] public string? ReceivedBy { get; init; }

    /// <summary>The suggestion it came from.</summary>
    [Id(10)] public string? SuggestionId { get; init; }
}

[GenerateSerializer, Alias("tandem.transfer-status")]
public enum TransferStatus
{
    /// <summary>On its way (the warehouse's units have left; a supplier's order is placed).</summary>
    Shipped = 0,

    /// <summary>Received at the store: its cell holds the units.</summary>
    Received = 1,
}
