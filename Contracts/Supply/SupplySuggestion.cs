namespace Tandem.Contracts.Supply;

/// <summary>
/// A suggested move of stock: from a warehouse to a store (or, with no warehouse, an order from the supplier), how many,
/// and why (the store's stock against its reorder point and the next week's expected sales, from its latest forecast).
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.supply-suggestion")]
public sealed record SupplySuggestion
{
    /// <summary><c>{sku}@{store}-{from or "supplier"}-{forecast origin yyyyMMdd}</c>: one suggestion per store, source and day.</summary>
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Sku { get; init; }

    /// <summary>The warehouse to take the units from; null: order them from the supplier.</summary>
    [Id(2)] public string? FromLocationId { get; init; }

    [Id(3)] public required string ToLocationId { get; init; }

    [Id(4)] public required int Quantity { get; init; }

    [Id(5)] public required string Reason { get; init; }

    [Id(6)] public double StockOutRisk { get; init; }

    [Id(7)] public required DateTimeOffset SuggestedAt { get; init; }

    [Id(8)] public SuggestionStatus Status { get; init; }

    /// <summary>The transfer an accepted suggestion made.</summary>
    [Id(9)] public string? TransferId { get; init; }

    [Id(10)] public string? AcceptedBy { get; init; }
}

[GenerateSerializer, Alias("tandem.suggestion-status")]
public enum SuggestionStatus
{
    Pending = 0,

    /// <summary>Accepted: its transfer is on its way, and its units count toward the store's stock in later suggestions.</summary>
    Accepted = 1,

    /// <summary>Its transfer was received at the store.</summary>
    Received = 2,
}
