using Tandem.Contracts.Catalog;

namespace Tandem.Contracts.Couriers;

/// <summary>An order a courier carries: where to collect it and where to take it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.courier-assignment")]
public sealed record CourierAssignment
{
    [Id(0)] public required string OrderId { get; init; }

    [Id(1)] public required string PickupLocationId { get; init; }

    [Id(2)] public required GeoPoint Pickup { get; init; }

    [Id(3)] public required GeoPoint Dropoff { get; init; }

    [Id(4)] public required DateTimeOffset AssignedAt { get; init; }

    /// <summary>True once the courier has collected the goods.</summary>
    [Id(5)] public bool PickedUp { get; init; }

    /// <summary>When the drop-off was promised (packed plus the promise), when known.</summary>
    [Id(6)] public DateTimeOffset? PromisedBy { get; init; }

    /// <summary>A delivery, or a return to collect (then <see cref="OrderId"/> is the return's id, the drop-off the sorting centre).</summary>
    [Id(7)] public CourierJobKind Kind { get; init; }
}
