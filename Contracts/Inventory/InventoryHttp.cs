using Tandem.Contracts.Catalog;

namespace Tandem.Contracts.Inventory;

// HTTP contract v1. Request fields are nullable so a missing field is reported by name (400 with the field)
// instead of failing the JSON binding as a whole.

public sealed record ReceiptRequest(int? Quantity, string? Reference);

public sealed record AdjustmentRequest(int? CountedOnHand, string? Reason, string? Reference);

/// <summary>Puts the units of a cell on sale at <paramref name="StartsAt"/> (a flash sale): no hold is made before.</summary>
public sealed record SaleRequest(DateTimeOffset? StartsAt);

/// <summary>Stock of a product at one location.</summary>
public sealed record LocationAvailability(
    string LocationId,
    string Name,
    LocationKind Kind,
    int OnHand,
    int Reserved,
    int Available,
    Bin? Bin,
    GeoPoint Position,
    double? DistanceKm,
    long Version,
    DateTimeOffset? SaleStartsAt = null);

public sealed record ProductAvailability(string Sku, int TotalAvailable, IReadOnlyList<LocationAvailability> Locations);

public sealed record CellCommandResponse(CellOutcome Outcome, CellSnapshot Cell);
