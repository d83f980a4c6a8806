using Microsoft.Extensions.Time.Testing;

using Tandem.Grains.Catalog;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Catalog;

/// <summary>The silo's catalog facts: at most a second behind the catalog, never behind on what it has not seen.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class CatalogFactsTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    private (CatalogFacts Facts, FakeTimeProvider Time) NewFacts()
    {
        var time = new FakeTimeProvider();
        return (new CatalogFacts(Grains, time), time);
    }

    [Fact]
    public async Task A_changed_price_is_seen_once_the_version_is_checked_again_and_not_before()
    {
        var (facts, time) = NewFacts();
        var sku = (await TestData.NewProductsAsync(Grains, 1))[0];
        var before = (await facts.ReadAsync([sku])).Products[sku].Price;

        await Grains.Catalog().UpsertAsync([TestData.Product(sku, before + 1)], []);
        var within = (await facts.ReadAsync([sku])).Products[sku].Price;
        time.Advance(CatalogFacts.MaxAge);
        var after = (await facts.ReadAsync([sku])).Products[sku].Price;

        Assert.Equal((before, before + 1), (within, after));
        Assert.Equal(2, facts.Checks);
    }

    [Fact]
    public async Task A_sku_or_a_named_location_not_held_is_read_at_once_and_an_unknown_sku_is_left_out()
    {
        var (facts, _) = NewFacts();
        var first = (await TestData.NewProductsAsync(Grains, 1))[0];
        await facts.ReadAsync([first]);

        var added = (await TestData.NewProductsAsync(Grains, 1))[0];
        var store = TestData.RemoteStore(TestData.NewId("store"), "Facts test store", 53.48, -2.24);
        await Grains.Catalog().UpsertAsync([], [store]);
        var (products, locations) = await facts.ReadAsync([first, added, "NO-SUCH-SKU"], store.Id);

        Assert.Equal(new[] { first, added }.Order(StringComparer.Ordinal), products.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(locations, l => l.Id == store.Id);
        Assert.Equal(1, facts.Checks);
    }

    [Fact]
    public async Task Two_hundred_placements_at_once_after_the_age_runs_out_send_one_version_check()
    {
        var (facts, time) = NewFacts();
        var sku = (await TestData.NewProductsAsync(Grains, 1))[0];
        await facts.ReadAsync([sku]);
        time.Advance(CatalogFacts.MaxAge);

        var reads = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => facts.ReadAsync([sku]), TestContext.Current.CancellationToken)));

        Assert.Equal(2, facts.Checks);
        Assert.All(reads, r => Assert.Equal(sku, Assert.Single(r.Products).Key));
    }
}
