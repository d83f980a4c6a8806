using System.Net.Http.Json;
using System.Text.Json;

using Tandem.Contracts.Orders;
using Tandem.Contracts.Packing;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class PackingApiTests(ApiFixture api)
{
    private const string Store = "st-camden";

    [Fact]
    public async Task The_packing_screen_sees_a_preview_before_packing_and_the_stored_plan_after()
    {
        using var ops = api.Ops();
        var shopper = TestData.NewId("packed");
        using var client = api.ClientAs("shopper", shopper);
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        await ops.ReceiveAsync(sku, Store, 20, "po-1");
        var placed = await (await client.PostJsonAsync("/api/orders", Http.PickupOrder(shopper + "-web", Store, (sku, 12)), "k"))
            .Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken);
        var path = $"/api/orders/{placed!.OrderId}/packing";

        var preview = await ops.GetFromJsonAsync<PackingPreview>(path, ApiFixture.Json, TestContext.Current.CancellationToken);
        var packed = await (await ops.PostJsonAsync($"/api/orders/{placed.OrderId}/pack", "{}")).Content.ReadFromJsonAsync<OrderView>(ApiFixture.Json, TestContext.Current.CancellationToken);
        var stored = await ops.GetFromJsonAsync<PackingPreview>(path, ApiFixture.Json, TestContext.Current.CancellationToken);

        // Twelve 10 cm cubes of 1 kg: 12 litres, 12 kg: too heavy for M (10 kg); L (45 × 35 × 25, 20 kg) takes them.
        Assert.Equal((OrderStatus.Reserved, false), (preview!.Status, preview.Stored));
        Assert.Equal("L", Assert.Single(preview.Packing.Parcels).BoxId);
        Assert.Equal((OrderStatus.Packed, true), (stored!.Status, stored.Stored));
        Assert.Equal(JsonSerializer.Serialize(packed!.Packing, ApiFixture.Json), JsonSerializer.Serialize(stored.Packing, ApiFixture.Json));
        Assert.Equal(("L", 12, 12.0), (stored.Packing.Parcels[0].BoxId, stored.Packing.Parcels[0].Items.Count, stored.Packing.Parcels[0].WeightKg));
        Assert.Equal((39.375, 12.0), (stored.Packing.BoxLitres, stored.Packing.ItemLitres));
    }
}
