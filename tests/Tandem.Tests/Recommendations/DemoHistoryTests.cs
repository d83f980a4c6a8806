using Tandem.Grains.Interfaces.Keys;
using Tandem.Hosting.Demo;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Recommendations;

/// <summary>The demo city's past baskets bootstrap the product graph, so a stroller in the cart brings what is bought with it from the first visit.</summary>
[Collection(ApiCollection.Name)]
public sealed class DemoHistoryTests(ApiFixture api)
{
    [Fact]
    public async Task A_stroller_in_a_new_cart_brings_the_products_bought_with_it_in_the_city_s_past_baskets()
    {
        var city = new DemoCity(new DemoOptions().RandomSeed);
        var stroller = city.Products.First(p => p.Name.Contains("Stroller", StringComparison.Ordinal) && city.History.Any(b => b.Skus.Contains(p.Sku)));
        var boughtWith = city.History.Where(b => b.Skus.Contains(stroller.Sku)).SelectMany(b => b.Skus).Where(s => s != stroller.Sku).ToHashSet();
        // The bandit draws a strategy per slot: over eight new carts the co-purchase strategy gets slots (each cart
        // leaves it out with a chance of about (2/3)^6, three strategies having candidates here).
        var sessions = Enumerable.Range(0, 8).Select(_ => new SessionId(TestData.NewId("s"))).ToList();
        await Task.WhenAll(sessions.Select(s => api.Grains.Session(s).SetCartLineAsync(new ShopperId(TestData.NewId("shopper")), stroller.Sku, 1)));

        var graph = await api.Grains.ProductGraph(stroller.Sku).GetAsync(50);
        var picks = await Task.WhenAll(sessions.Select(s => api.Grains.Recommender(s).GetAsync(s)));

        Assert.Equal(boughtWith.Order(StringComparer.Ordinal), graph.CoPurchase.Select(e => e.To).Order(StringComparer.Ordinal));
        Assert.All(graph.CoPurchase, e => Assert.NotEmpty(city.Products.Single(p => p.Sku == e.To).SceneTags.Intersect(stroller.SceneTags)));
        var fromHistory = picks.SelectMany(p => p.Items).Where(i => i.Arm == "co-purchase").ToList();
        Assert.NotEmpty(fromHistory);
        Assert.All(fromHistory, i => Assert.Equal((stroller.Sku, stroller.Name), (i.BecauseSku, i.Because)));
        Assert.All(fromHistory, i => Assert.Contains(i.Sku, boughtWith));
    }
}
