using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Orders;

/// <summary>A packed order is kept as its shopper's purchase (when it was placed), once; a cancelled one is not.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ShopperPurchasesTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_packed_order_is_a_purchase_at_its_placing_time_and_a_cancelled_one_is_none()
    {
        var shopper = TestData.NewId("shopper");
        var sku = (await TestData.NewProductsAsync(Grains, 1))[0];
        await Grains.Cell(new CellKey(sku, TestData.Camden.Id)).ReceiveAsync(2, "opening", "tester");
        var packed = Grains.Order(new OrderId(TestData.NewId("o")));
        var cancelled = Grains.Order(new OrderId(TestData.NewId("o")));
        var session = TestData.NewId("session");
        var placedAt = (await packed.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (sku, 1)) with { ShopperId = new(shopper), SessionId = new(session) })).Order!.PlacedAt;
        await cancelled.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (sku, 1)) with { ShopperId = new(shopper), SessionId = new(session) });
        var holds = Grains.ShopperHolds(new ShopperId(shopper));
        var heldBefore = await holds.GetHeldAsync();

        await packed.PackAsync("packer");
        await cancelled.CancelAsync("shopper:" + shopper, "changed my mind");
        var bought = await Await.UntilAsync(async () => await holds.FirstBoughtAsync(placedAt.AddTicks(-1), placedAt) is { } at ? (object)at : null, TimeSpan.FromSeconds(10));
        var heldAfter = await Await.UntilAsync(async () => await holds.GetHeldAsync() is 0 ? (object)0 : null, TimeSpan.FromSeconds(10));

        Assert.Equal(2, heldBefore);
        Assert.Equal(placedAt, (DateTimeOffset)bought);
        Assert.Equal(0, (int)heldAfter);
        Assert.Null(await holds.FirstBoughtAsync(placedAt, placedAt.AddDays(30))); // after its placing time: nothing else bought
    }

    [Fact]
    public async Task A_purchase_told_200_times_at_once_is_kept_once_and_only_inside_the_asked_interval()
    {
        var holds = Grains.ShopperHolds(new ShopperId(TestData.NewId("shopper")));
        var t0 = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => holds.ReleaseAsync(new OrderId("o-first"), t0)));
        await holds.ReleaseAsync(new OrderId("o-first"), t0.AddDays(3)); // told again with another time: the first is kept
        await holds.ReleaseAsync(new OrderId("o-second"), t0.AddDays(10));
        await holds.ReleaseAsync(new OrderId("o-cancelled"), placedAt: null);

        Assert.Equal(t0, await holds.FirstBoughtAsync(t0.AddTicks(-1), t0.AddDays(30)));
        Assert.Equal(t0.AddDays(10), await holds.FirstBoughtAsync(t0, t0.AddDays(30))); // strictly after: the first is not
        Assert.Null(await holds.FirstBoughtAsync(t0, t0.AddDays(9)));
        Assert.Equal(t0.AddDays(10), await holds.FirstBoughtAsync(t0.AddDays(9), t0.AddDays(10))); // up to and including
    }
}
