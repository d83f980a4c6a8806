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
        await Grains.Session(session).SetCartLineAsync(new ShopperId(TestData.NewId("ann")), stroller, 1);

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
        await Grains.Session(session).RecordEventsAsync(new ShopperId(TestData.NewId("ann")), [View(cot)]);

        var picks = await Grains.Recommender(session).GetAsync(session);

        // The cot itself is on screen: not picked.
        Assert.Equal([mattress, blanket], picks.Items.Select(i => i.Sku));
        Assert.Equal([("co-view", cot, 0.6667), ("co-view", cot, 0.3333)], picks.Items.Select(i => (i.Arm, i.BecauseSku!, i.Evidence.Single().Edge!.Value)));
    }

    [Fact]
    public async Task A_returning_shopper_gets_what_they_viewed_before_and_what_goes_with_what_they_bought()
    {
        var (stroller, wipes, cot, lamp) = (TestData.NewSku(), TestData.NewSku(), TestData.NewSku(), TestData.NewSku());
        await Grains.Catalog().UpsertAsync([.. new[] { stroller, wipes, cot, lamp }.Select(s => TestData.Product(s) with { SceneTags = [], Category = "c-" + s })], []);
        await Grains.ProductGraph(stroller).LearnAsync(Lesson("order:o-1", GraphRelation.CoPurchase, (wipes, 1)));
        var ann = new ShopperId(TestData.NewId("ann"));
        // An earlier visit: she looked at the cot, and bought the stroller (what a packed order teaches her node).
        await Grains.Session(new SessionId(TestData.NewId("s"))).RecordEventsAsync(ann, [View(cot)]);
        foreach (var (node, lesson) in BasketLessons.From("order:" + TestData.NewId("o"), [stroller], [(stroller, "c-" + stroller)], ann.Value, T0))
        {
            await Grains.ProductGraph(node).LearnAsync(lesson);
        }

        GrainClusterFixture.Clock.Advance(NeighbourCache.FreshFor + TimeSpan.FromSeconds(1));
        var session = new SessionId(TestData.NewId("s"));
        await Grains.Session(session).RecordEventsAsync(ann, [View(lamp)]);

        var picks = await Grains.Recommender(session).GetAsync(session);

        var history = await Grains.ProductGraph(ShopperNode.Key(ann.Value)).GetAsync(10);
        Assert.Equal(new[] { cot, lamp }.Order(StringComparer.Ordinal), history.CoView.Select(e => e.To).Order(StringComparer.Ordinal)); // both visits' views
        Assert.Equal([stroller], history.CoPurchase.Select(e => e.To));
        var again = picks.Items.Single(i => i.Sku == cot);
        Assert.Equal(("recently-viewed", "an earlier visit", (string?)null), (again.Arm, again.Because, again.BecauseSku));
        Assert.Equal([("recently-viewed", ShopperNode.Key(ann.Value))], again.Evidence.Select(e => (e.Arm, e.From!)));
        var goesWith = picks.Items.Single(i => i.Sku == wipes);
        Assert.Equal(("co-purchase", stroller, $"Test product {stroller}"), (goesWith.Arm, goesWith.BecauseSku, goesWith.Because));
        Assert.Equal([("co-purchase", stroller, 1.0, 0.5)], goesWith.Evidence.Select(e => (e.Arm, e.From!, e.Edge!.Value, e.Vote)));
        Assert.DoesNotContain(stroller, picks.Items.Select(i => i.Sku)); // bought already, and nothing points back at it
    }

    private static BehaviourEvent View(string sku) => new() { Type = BehaviourType.View, Sku = sku, At = T0 };

    private static GraphLesson Lesson(string id, GraphRelation relation, params (string To, double Weight)[] edges) =>
        new() { Id = id, Relation = relation, Edges = [.. edges.Select(e => new GraphEdge(e.To, e.Weight))], At = T0 };
}
