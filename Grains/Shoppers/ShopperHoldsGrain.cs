using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Shoppers;

namespace Tandem.Grains.Shoppers;

/// <summary>One shopper's held units across their unpacked orders. Not reentrant: check and count are one step.</summary>
public sealed class ShopperHoldsGrain(
    [PersistentState("shopper-holds", StorageNames.Grains)] IPersistentState<ShopperHoldsState> state) : Grain, IShopperHoldsGrain
{
    private Dictionary<string, int> Orders => state.State.Orders;

    private Dictionary<string, DateTimeOffset> Bought => state.State.Bought;

    private int Held => Orders.Values.Sum();

    public async Task<ShopperHoldResult> TryHoldAsync(OrderId order, int units, int limit)
    {
        var orderId = order.Value;
        if (Orders.ContainsKey(orderId))
        {
            return new ShopperHoldResult { Allowed = true, Held = Held };
        }

        if (Held + units > limit)
        {
            return new ShopperHoldResult { Allowed = false, Held = Held };
        }

        Orders[orderId] = units;
        await state.SaveAsync(this);
        return new ShopperHoldResult { Allowed = true, Held = Held };
    }

    public async Task ReleaseAsync(OrderId order, DateTimeOffset? placedAt)
    {
        var orderId = order.Value;
        var changed = Orders.Remove(orderId);
        if (placedAt is { } at && Bought.TryAdd(orderId, at))
        {
            var since = at.AddDays(-IShopperHoldsGrain.PurchasesKeptDays);
            foreach (var old in Bought.Where(b => b.Value < since).Select(b => b.Key)
                .Concat(Bought.OrderByDescending(b => b.Value).Skip(IShopperHoldsGrain.PurchasesKept).Select(b => b.Key)).ToList())
            {
                Bought.Remove(old);
            }

            changed = true;
        }

        if (changed)
        {
            await state.SaveAsync(this);
        }
    }

    public Task<DateTimeOffset?> FirstBoughtAsync(DateTimeOffset after, DateTimeOffset until) =>
        Task.FromResult(Bought.Values.Where(at => at > after && at <= until).Order().Cast<DateTimeOffset?>().FirstOrDefault());

    public Task<int> GetHeldAsync() => Task.FromResult(Held);
}
