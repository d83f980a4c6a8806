using System.Text.Json;

using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Orders;

[Collection(GrainClusterCollection.Name)]
public sealed class OrderPackingTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Packing_stores_the_chosen_box_and_every_units_place_once_under_a_hundred_parallel_packs()
    {
        // Test products are 10 cm cubes of 1 kg: three go in the smallest box (25 × 20 × 10), 60 % full.
        var sku = await TestData.StockedAtAsync(Grains, TestData.Camden, 5);
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (sku, 3)));
        var before = await order.GetAsync();

        var packs = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => order.PackAsync("packer"), TestContext.Current.CancellationToken)));
        var after = await order.GetAsync();

        Assert.Null(before!.Packing);
        Assert.Equal(1, packs.Count(p => p.Outcome == OrderOutcome.Applied));
        Assert.Equal(99, packs.Count(p => p.Outcome == OrderOutcome.Replayed));
        var packing = after!.Packing!;
        var parcel = Assert.Single(packing.Parcels);
        Assert.Equal(("S", 3, 0.6, 3.0), (parcel.BoxId, parcel.Items.Count, parcel.Fill, parcel.WeightKg));
        Assert.All(parcel.Items, i => Assert.Equal((sku, 10.0, 10.0, 10.0, 0.0), (i.Sku, i.LengthCm, i.WidthCm, i.HeightCm, i.Z)));
        Assert.Equal((5.0, 3.0, 5.0), (packing.BoxLitres, packing.ItemLitres, packing.BaselineLitres));
        Assert.Equal(after.History.Single(h => h.To == OrderStatus.Packed).At, packing.DecidedAt);
        Assert.All(packs, p => Assert.Equal(JsonSerializer.Serialize(packing), JsonSerializer.Serialize(p.Order!.Packing))); // the replays answer the stored plan
    }

    [Fact]
    public async Task An_order_refused_at_packing_stores_no_boxes()
    {
        var sku = await TestData.StockedAtAsync(Grains, TestData.Camden, 2);
        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (sku, 2)));
        await order.CancelAsync("shopper", "changed my mind");

        var pack = await order.PackAsync("packer");

        Assert.Equal(OrderOutcome.InvalidTransition, pack.Outcome);
        Assert.Null((await order.GetAsync())!.Packing);
    }
}
