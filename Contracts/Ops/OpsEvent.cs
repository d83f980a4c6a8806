namespace Tandem.Contracts.Ops;

/// <summary>One line of the control room's feed: what kind of thing happened, when, and the event itself.</summary>
public sealed record OpsEvent(string Kind, DateTimeOffset At, object Data);

/// <summary>What the control room receives on connect.</summary>
public sealed record OpsSnapshot(
    DateTimeOffset At,
    IReadOnlyList<Tandem.Contracts.Catalog.Location> Locations,
    IReadOnlyList<Tandem.Contracts.Couriers.CourierView> Couriers,
    IReadOnlyList<Tandem.Contracts.Dispatch.WaitingOrder> Waiting,
    IReadOnlyList<OpsEvent> Recent,
    IReadOnlyList<Tandem.Contracts.Dispatch.ZoneReport> Zones,
    IReadOnlyList<Tandem.Contracts.Weather.RainArea> Rain);
