using Tandem.Contracts.Sessions;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Grains.Recommendations;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Recommendations;

[Collection(GrainClusterCollection.Name)]
public sealed class RecommenderTests(GrainClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_stroller_in_the_cart_brings_what_was_bought_with_it_and_says_so()
    {
        var (stroller, wipes, seat, other) = (TestData.NewSku(), TestData.NewSku(), TestData.NewSku(), TestData.NewSku());
        await Grains.Catalog().UpsertAsync([.. new[] { stroller, wipes, seat, other }.Select(s => TestData.Product(s) with { SceneTags = [], Category = "c-" + s })], []);
        await Grains.ProductGraph(stroller).LearnAsync(Lesson("order:o-1", GraphRelation.CoPurchase, (wipes, 1)));
        await Grains.ProductGraph(stroller).LearnAsync(Lesson("order:o-2", GraphRelation.CoPurchase, (wipes, 1)));
        await Grains.ProductGraph(stroller).LearnAsync(Lesson("order:o-3", GraphRelation.CoPurchase, (seat, 1)));
        var session = new SessionId(TestData.NewId("s"));
        await Grains.Session(session).SetCartLineAsync(new ShopperId("ann"), stroller, 1);

        var picks = await Grains.Recommender(session).GetAsync(session);

        // Wipes: 2 of the stroller's 3 units bought with it; the seat 1 of 3. The stroller itself is in the cart.
        Assert.Equal([wipes, seat], picks.Items.Select(i => i.Sku));
        Assert.All(picks.Items, i => Assert.Equal(("co-purchase", stroller, $"Test product {stroller}"), (i.Arm, i.BecauseSku, i.Because)));
        Assert.Equal([0.6667, 0.3333], picks.Items.Select(i => i.Evidence.Single().Edge!.Value));
    }

    [Fact]
    public async Task What_other_shoppers_viewed_next_comes_with_the_view_that_brought_it()
    {
        var (cot, mattress, blanket) = (TestData.NewSku(), TestData.NewSku(), TestData.NewSku());
        await Grains.Catalog().UpsertAsync([.. new[] { cot, mattress, blanket }.Select(s => TestData.Product(s) with { SceneTags = [], Category = "c-" + s })], []);
        foreach (var (next, i) in new[] { mattress, mattress, blanket }.Select((n, i) => (n, i)))
        {
            // Other shoppers viewed the cot, then the mattress (twice) or the blanket.
            await Grains.Session(new SessionId(TestData.NewId("s"))).RecordEventsAsync(new ShopperId("s" + i), [View(cot), View(next)]);
        }

        // A recommender remembers a product's neighbours for a moment: one that read the cot's between the lessons above
        // (for those shoppers' own picks) would answer from that until the (fake) clock moves on.
        GrainClusterFixture.Clock.Advance(NeighbourCache.FreshFor + TimeSpan.FromSeconds(1));
        var session = new SessionId(TestData.NewId("s"));
        await Grains.Session(session).RecordEventsAsync(new ShopperId("ann"), [View(cot)]);

        var picks = await Grains.Recommender(session).GetAsync(session);

        // The cot itself is on screen: not picked.
        Assert.Equal([mattress, blanket], picks.Items.Select(i => i.Sku));
        Assert.Equal([("co-view", cot, 0.6667), ("co-view", cot, 0.3333)], picks.Items.Select(i => (i.Arm, i.BecauseSku!, i.Evidence.Single().Edge!.Value)));
    }

    private static BehaviourEvent View(string sku) => new() { Type = BehaviourType.View, Sku = sku, At = T0 };

    private static GraphLesson Lesson(string id, GraphRelation relation, params (string To, double Weight)[] edges) =>
        new() { Id = id, Relation = relation, Edges = [.. edges.Select(e => new GraphEdge(e.To, e.Weight))], At = T0 };
}
