
namespace Tandem.Contracts.Couriers;

[GenerateSerializer, Alias("tandem.courier-change-kind")]
public enum CourierChangeKind
{
    Registered = 0,
    Moved = 1,
    StatusChanged = 2,
    Assigned = 3,
    PickedUp = 4,
    Unassigned = 5,
    Offered = 6,
    OfferAccepted = 7,
    OfferDeclined = 8,
    OfferWithdrawn = 9,
    PushSubscriptionChanged = 10,
}

/// <summary>A courier moved or changed status. Published on the stream namespace <see cref="StreamNamespace"/>, partitioned by courier id.</summary>
[GenerateSerializer, Immutable, Alias("tandem.courier-changed")]
public sealed record CourierChanged
{
    /// <summary>What the control room's feed calls these events (<c>OpsEvent.Kind</c>).</summary>
    public const string OpsKind = "courier";

    /// <summary>The stream namespace these events travel on.</summary>
    public const string StreamNamespace = "tandem.couriers";

    [Id(0)] public required CourierView Courier { get; init; }

    [Id(1)] public required CourierChangeKind Kind { get; init; }

    /// <summary>The order concerned, for assignment and offer changes.</summary>
    [Id(2)] public string? OrderId { get; init; }

    [Id(3)] public required DateTimeOffset At { get; init; }
}
