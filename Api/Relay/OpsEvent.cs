namespace Tandem.Api.Relay;

/// <summary>One line of the control room's feed: what kind of thing happened, when, and the event itself.</summary>
public sealed record OpsEvent(string Kind, DateTimeOffset At, object Data);

/// <summary>What the control room receives on connect.</summary>
public sealed record OpsSnapshot(
    DateTimeOffset At,
    IReadOnlyList<Tandem.Grains.Interfaces.Catalog.Location> Locations,
    IReadOnlyList<Tandem.Grains.Interfaces.Couriers.CourierView> Couriers,
    IReadOnlyList<Tandem.Grains.Interfaces.Dispatch.WaitingOrder> Waiting,
    IReadOnlyList<OpsEvent> Recent);
