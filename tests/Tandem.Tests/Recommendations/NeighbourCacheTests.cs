using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Grains.Recommendations;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Recommendations;

[Collection(GrainClusterCollection.Name)]
public sealed class NeighbourCacheTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_full_cache_still_answers_for_every_product_asked_including_those_it_held_fresh()
    {
        var (a, b, c) = (TestData.NewSku(), TestData.NewSku(), TestData.NewSku());
        await fixture.Grains.ProductGraph(a).LearnAsync(new GraphLesson
        {
            Id = "order:o-1", Relation = GraphRelation.CoPurchase, Edges = [new(b, 1)], At = GrainClusterFixture.Clock.GetUtcNow(),
        });
        var cache = new NeighbourCache(fixture.Grains, GrainClusterFixture.Clock, maxProducts: 2);
        await cache.GetAsync([a, b]);

        var answer = await cache.GetAsync([a, c]); // a is held and fresh; reading c overflows the cache

        Assert.Equal(new[] { a, c }.Order(StringComparer.Ordinal), answer.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new GraphEdge(b, 1)], answer[a].CoPurchase);
        Assert.Empty(answer[c].CoPurchase);
    }
}
