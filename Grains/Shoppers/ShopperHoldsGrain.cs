using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Shoppers;

namespace Tandem.Grains.Shoppers;

/// <summary>One shopper's held units across their unpacked orders. Not reentrant: check and count are one step.</summary>
public sealed class ShopperHoldsGrain(
    [PersistentState("shopper-holds", StorageNames.Grains)] IPersistentState<ShopperHoldsState> state) : Grain, IShopperHoldsGrain
{
    private Dictionary<string, int> Orders => state.State.Orders;

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

    public async Task ReleaseAsync(OrderId order)
    {
        var orderId = order.Value;
        if (Orders.Remove(orderId))
        {
            await state.SaveAsync(this);
        }
    }

    public Task<int> GetHeldAsync() => Task.FromResult(Held);
}
