using Tandem.Grains.Interfaces.Catalog;
using Tandem.Grains.Interfaces.Couriers;
using Tandem.Grains.Interfaces.Inventory;

namespace Tandem.Api.Contracts;

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
    long Version);

public sealed record ProductAvailability(string Sku, int TotalAvailable, IReadOnlyList<LocationAvailability> Locations);

public sealed record CellCommandResponse(CellOutcome Outcome, CellSnapshot Cell);

public sealed record CourierCommandResponse(CourierOutcome Outcome, CourierView Courier);

public sealed record EventsAccepted(int Received, int Accepted);

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);

public sealed record PushPublicKey(string PublicKey);
