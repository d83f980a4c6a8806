using Tandem.Contracts.Catalog;

namespace Tandem.Contracts.Couriers;

/// <summary>An order offered to a courier, open until it is accepted, declined, withdrawn or expires.</summary>
[GenerateSerializer, Immutable, Alias("tandem.courier-offer")]
public sealed record CourierOffer
{
    [Id(0)] public required string OrderId { get; init; }

    [Id(1)] public required string PickupLocationId { get; init; }

    [Id(2)] public required GeoPoint Pickup { get; init; }

    [Id(3)] public required GeoPoint Dropoff { get; init; }

    [Id(4)] public required DateTimeOffset OfferedAt { get; init; }

    [Id(5)] public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>A delivery, or a return to collect (then <see cref="OrderId"/> is the return's id and the pickup the shopper's address).</summary>
    [Id(6)] public CourierJobKind Kind { get; init; }
}
