using Tandem.Contracts.Dispatch;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Interfaces.Dispatch;

/// <summary>
/// Finds couriers for packed delivery orders: every window it offers its waiting orders to idle couriers at the least
/// total cost, and an order whose offer is declined or expires goes into the next window without that courier. One per partition of the order ids (key "0"–"7"); orders enter and leave it by
/// their own idempotent calls (the order's outbox), not by stream events, so a lost event loses no order.
/// </summary>
public interface IOfferDispatcherGrain : IGrainWithStringKey
{
    /// <summary>The order waits for a courier from now on. Idempotent: an order already waiting keeps its place.</summary>
    Task EnqueueAsync(WaitingOrder order);

    /// <summary>The order no longer waits (dispatched or cancelled); an open offer of it is withdrawn. Idempotent.</summary>
    Task LeaveAsync(OrderId orderId);

    /// <summary>The orders waiting for a courier, oldest first, with the courier they are offered to.</summary>
    [ReadOnly]
    Task<IReadOnlyList<WaitingOrder>> GetWaitingAsync();
}
