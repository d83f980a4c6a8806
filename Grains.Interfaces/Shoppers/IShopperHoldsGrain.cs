using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Interfaces.Shoppers;

/// <summary>
/// The units one shopper holds in orders not yet packed (key <see cref="Keys.ShopperId"/>), so no shopper can hold
/// every unit of a product: an order asks here before it reserves, and lets go when it is packed, cancelled,
/// expired or refused.
/// </summary>
public interface IShopperHoldsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Counts <paramref name="units"/> for <paramref name="order"/> if the shopper's total stays within
    /// <paramref name="limit"/>. Idempotent per order: an order already counted is allowed again with what it has.
    /// </summary>
    /// <returns>The units the shopper holds afterwards, and whether this order is counted.</returns>
    Task<ShopperHoldResult> TryHoldAsync(OrderId order, int units, int limit);

    /// <summary>The order's units no longer count. Idempotent.</summary>
    Task ReleaseAsync(OrderId order);

    /// <summary>The units the shopper holds in unpacked orders.</summary>
    [ReadOnly]
    Task<int> GetHeldAsync();
}
