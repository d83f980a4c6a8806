using Tandem.Contracts.Catalog;

namespace Tandem.Contracts.Couriers;

[GenerateSerializer, Immutable, Alias("tandem.courier-view")]
public sealed record CourierView
{
    [Id(0)] public required string CourierId { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public required CourierStatus Status { get; init; }

    [Id(3)] public GeoPoint? Position { get; init; }

    [Id(4)] public DateTimeOffset? PositionAt { get; init; }

    /// <summary>How many orders the courier can carry at once.</summary>
    [Id(5)] public required int Capacity { get; init; }

    [Id(6)] public required IReadOnlyList<CourierAssignment> Assignments { get; init; }

    [Id(7)] public required long Version { get; init; }

    /// <summary>The order offered to the courier and not yet answered, if any (expired offers are not shown).</summary>
    [Id(8)] public CourierOffer? Offer { get; init; }

    /// <summary>Whether the courier's phone receives offers by Web Push when the page is in the background.</summary>
    [Id(9)] public bool PushEnabled { get; init; }

    /// <summary>The stops of what the courier carries, in the order to ride them (a batch's pickups and drop-offs), with ETAs.</summary>
    [Id(10)] public IReadOnlyList<CourierStop> Stops { get; init; } = [];
}
