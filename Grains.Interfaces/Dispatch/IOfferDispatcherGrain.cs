namespace Tandem.Grains.Interfaces.Dispatch;

/// <summary>
/// Finds couriers for packed delivery orders: it offers each to the nearest idle courier and, when the offer is
/// declined or expires, to the next. One per partition of the order stream (key "0"–"7"), fed by that partition.
/// </summary>
public interface IOfferDispatcherGrain : IGrainWithStringKey
{
    /// <summary>The orders waiting for a courier, oldest first, with the courier they are offered to.</summary>
    [ReadOnly]
    Task<IReadOnlyList<WaitingOrder>> GetWaitingAsync();
}
