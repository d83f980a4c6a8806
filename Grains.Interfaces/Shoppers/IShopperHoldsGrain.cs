using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Interfaces.Shoppers;

/// <summary>
/// The units one shopper holds in orders not yet packed (key <see cref="Keys.ShopperId"/>), so no shopper can hold
/// every unit of a product: an order asks here before it reserves, and lets go when it is packed, cancelled,
/// expired or refused. A packed order is also kept as a purchase (its placing time), for what shoppers buy again after a return.
/// </summary>
public interface IShopperHoldsGrain : IGrainWithStringKey
{
    public const int PurchasesKept = 200;

    public const int PurchasesKeptDays = 120;

    /// <summary>
    /// Counts <paramref name="units"/> for <paramref name="order"/> if the shopper's total stays within
    /// <paramref name="limit"/>. Idempotent per order: an order already counted is allowed again with what it has.
    /// </summary>
    /// <returns>The units the shopper holds afterwards, and whether this order is counted.</returns>
    Task<ShopperHoldResult> TryHoldAsync(OrderId order, int units, int limit);

    /// <summary>
    /// The order's units no longer count; with <paramref name="placedAt"/> (it was packed: a purchase) it is kept as bought
    /// then (the last <see cref="PurchasesKept"/> within <see cref="PurchasesKeptDays"/> days). Idempotent.
    /// </summary>
    Task ReleaseAsync(OrderId order, DateTimeOffset? placedAt);

    /// <summary>When the shopper first placed an order that was packed in (<paramref name="after"/>, <paramref name="until"/>], or null.</summary>
    [ReadOnly]
    Task<DateTimeOffset?> FirstBoughtAsync(DateTimeOffset after, DateTimeOffset until);

    /// <summary>The units the shopper holds in unpacked orders.</summary>
    [ReadOnly]
    Task<int> GetHeldAsync();
}
