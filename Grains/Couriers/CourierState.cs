using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Grains.Interfaces.Push;

namespace Tandem.Grains.Couriers;

[GenerateSerializer, Alias("tandem.courier-state")]
public sealed class CourierState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int Schema { get; set; } = CurrentSchema;

    [Id(1)] public bool Registered { get; set; }

    [Id(2)] public string Name { get; set; } = "";

    [Id(3)] public int Capacity { get; set; }

    [Id(4)] public bool Online { get; set; }

    [Id(5)] public GeoPoint? Position { get; set; }

    [Id(6)] public DateTimeOffset? PositionAt { get; set; }

    [Id(7)] public List<CourierAssignment> Assignments { get; set; } = [];

    [Id(8)] public long Version { get; set; }

    /// <summary>The open offer, if any.</summary>
    [Id(9)] public CourierOffer? Offer { get; set; }

    /// <summary>The last answered offer and the answer, so a repeated answer is recognised.</summary>
    [Id(10)] public string? AnsweredOrderId { get; set; }

    [Id(11)] public bool AnsweredAccept { get; set; }

    /// <summary>What the last answered offer was (a delivery or a return to collect).</summary>
    [Id(13)] public CourierJobKind AnsweredKind { get; set; }

    /// <summary>Where the courier's phone receives Web Push, if it asked to.</summary>
    [Id(12)] public PushSubscription? Push { get; set; }

    /// <summary>Status follows from being online and from the assignments; it is never stored apart.</summary>
    public CourierStatus Status =>
        !Online ? CourierStatus.Offline
        : Assignments.Any(a => !a.PickedUp) ? CourierStatus.ToPickup
        : Assignments.Count > 0 ? CourierStatus.ToDropoff
        : CourierStatus.Idle;
}
