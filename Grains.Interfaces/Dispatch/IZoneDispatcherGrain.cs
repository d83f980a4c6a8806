using Tandem.Contracts.Dispatch;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Interfaces.Dispatch;

/// <summary>
/// Finds couriers for the packed delivery orders of one zone of the city (key: the zone, "r{row}c{col}"): every window it
/// offers its waiting orders to the couriers in and near the zone at the least total cost, and an order whose offer is
/// declined or expires goes into the next window without that courier. Orders enter and leave it by their own
/// idempotent calls (the order's outbox), not by stream events, so a lost event loses no order.
/// </summary>
public interface IZoneDispatcherGrain : IGrainWithStringKey
{
    /// <summary>The order waits for a courier from now on. Idempotent: an order already waiting keeps its place.</summary>
    Task EnqueueAsync(WaitingOrder order);

    /// <summary>
    /// The order no longer waits: dispatched to <paramref name="dispatchedTo"/> (its offer accepted, or an operator's
    /// choice) or cancelled (null); an open offer of it is withdrawn. Idempotent.
    /// </summary>
    Task LeaveAsync(OrderId orderId, string? dispatchedTo);

    /// <summary>
    /// Decides a window now if the zone's window has passed on the business clock, and answers the orders it offered
    /// (with their couriers and choices). Only when windows are driven (a simulated day); timers open them otherwise.
    /// </summary>
    Task<IReadOnlyList<WaitingOrder>> DecideAsync();

    /// <summary>The orders waiting for a courier, oldest first, with the courier they are offered to.</summary>
    [ReadOnly]
    Task<IReadOnlyList<WaitingOrder>> GetWaitingAsync();
}
