using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;

namespace Tandem.Contracts.Dispatch;

/// <summary>
/// A job without a courier yet: a packed delivery order, or a return to collect from a shopper (<see cref="Kind"/>; the
/// return's id stands in <see cref="OrderId"/>, the job's id).
/// </summary>
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

    /// <summary>The dispatch zone the order waits in (its pickup's zone).</summary>
    [Id(10)] public string? Zone { get; init; }

    [Id(11)] public CourierJobKind Kind { get; init; }

    /// <summary>When the job is due at its drop-off, if not the dispatch promise after <see cref="Since"/> (a return pickup's is longer).</summary>
    [Id(12)] public DateTimeOffset? PromisedBy { get; init; }
}

/// <summary>
/// A window's choice of courier for one order, with its inputs and what it cost (seconds): the ride to the pickup and to
/// the drop-off, the lateness against the promise, the courier's load, the delay it adds to orders the courier already
/// carries (a batch), what taking the courier from a busier zone costs; the weather and the hour; how many orders and
/// couriers the window weighed, and the cheapest candidates. <see cref="Outcome"/> says what became of the offer.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.dispatch-choice")]
public sealed record DispatchChoice
{
    [Id(0)] public required string CourierId { get; init; }

    [Id(1)] public required DateTimeOffset Window { get; init; }

    /// <summary>Couriers weighed for this order in the window (free or with room on the way to its pickup, not yet asked).</summary>
    [Id(2)] public required int Candidates { get; init; }

    [Id(3)] public required int OrdersInWindow { get; init; }

    [Id(4)] public required double ToPickupSeconds { get; init; }

    [Id(5)] public required double ToDropoffSeconds { get; init; }

    [Id(6)] public required double LateSeconds { get; init; }

    [Id(7)] public required double LoadSeconds { get; init; }

    [Id(8)] public required double Cost { get; init; }

    [Id(9)] public string? Zone { get; init; }

    /// <summary>How long the window gathered orders (adaptive: short when the zone is quiet, longer when busy).</summary>
    [Id(10)] public double WindowSeconds { get; init; }

    /// <summary>Whether it rained in the zone (rides slower).</summary>
    [Id(11)] public bool Raining { get; init; }

    /// <summary>Whether the window fell in the city's rush hour (rides slower).</summary>
    [Id(12)] public bool RushHour { get; init; }

    [Id(13)] public double DelayToCarriedSeconds { get; init; }

    [Id(14)] public double HoldSeconds { get; init; }

    /// <summary>Orders the courier already carries from the same pickup: this order joins their batch.</summary>
    [Id(15)] public IReadOnlyList<string> BatchedWith { get; init; } = [];

    /// <summary>The order's cheapest candidates in the window, cheapest first (the chosen one among them unless the window gave it to a costlier courier for the whole's sake).</summary>
    [Id(16)] public IReadOnlyList<CandidateCost> Shortlist { get; init; } = [];

    [Id(17)] public DispatchOutcome Outcome { get; init; } = DispatchOutcome.Offered;

    [Id(18)] public DateTimeOffset? OutcomeAt { get; init; }

    /// <summary>The experiment variant whose dispatch window the zone used (<c>experiment:variant</c>), if any.</summary>
    [Id(19)] public string? Experiment { get; init; }
}

/// <summary>A courier weighed for an order: the cost of giving it to them and the ride to its pickup (seconds).</summary>
[GenerateSerializer, Immutable, Alias("tandem.candidate-cost")]
public sealed record CandidateCost(
    [property: Id(0)] string CourierId,
    [property: Id(1)] double Cost,
    [property: Id(2)] double ToPickupSeconds);

/// <summary>What became of an offer.</summary>
public enum DispatchOutcome
{
    /// <summary>Open: the courier has not answered yet.</summary>
    Offered = 0,

    Accepted = 1,

    Declined = 2,

    /// <summary>Not answered in time.</summary>
    Expired = 3,

    /// <summary>The order left the queue another way (cancelled, or dispatched by an operator).</summary>
    Withdrawn = 4,
}
