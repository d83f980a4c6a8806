using Tandem.Contracts.Catalog;

namespace Tandem.Contracts.Dispatch;

/// <summary>A packed delivery order without a courier yet.</summary>
[GenerateSerializer, Immutable, Alias("tandem.waiting-order")]
public sealed record WaitingOrder
{
    [Id(0)] public required string OrderId { get; init; }

    [Id(1)] public required string PickupLocationId { get; init; }

    [Id(2)] public required GeoPoint Pickup { get; init; }

    [Id(3)] public required GeoPoint Dropoff { get; init; }

    [Id(4)] public required DateTimeOffset Since { get; init; }

    /// <summary>The courier the order is offered to now, if any.</summary>
    [Id(5)] public string? OfferedTo { get; init; }

    [Id(6)] public DateTimeOffset? OfferExpiresAt { get; init; }

    /// <summary>Couriers who declined or let the offer expire (asked again only once everyone has been).</summary>
    [Id(7)] public IReadOnlyList<string> Tried { get; init; } = [];

    /// <summary>The courier's version that holds the offer: a view of the courier older than this does not know of it yet.</summary>
    [Id(8)] public long? OfferVersion { get; init; }

    /// <summary>Why the open offer went to that courier: the window's decision for this order.</summary>
    [Id(9)] public DispatchChoice? Choice { get; init; }
}

/// <summary>
/// A window's choice of courier for one order, with what it cost (seconds): the ride to the pickup and to the drop-off,
/// the lateness against the promise, the courier's load; and how many couriers were free and allowed in that window.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.dispatch-choice")]
public sealed record DispatchChoice
{
    [Id(0)] public required string CourierId { get; init; }

    [Id(1)] public required DateTimeOffset Window { get; init; }

    [Id(2)] public required int Candidates { get; init; }

    [Id(3)] public required int OrdersInWindow { get; init; }

    [Id(4)] public required double ToPickupSeconds { get; init; }

    [Id(5)] public required double ToDropoffSeconds { get; init; }

    [Id(6)] public required double LateSeconds { get; init; }

    [Id(7)] public required double LoadSeconds { get; init; }

    [Id(8)] public required double Cost { get; init; }
}
