using Tandem.Contracts.Orders;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Recommendations;

[Collection(GrainClusterCollection.Name)]
public sealed class ProductGraphTests(GrainClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_lesson_told_hundreds_of_times_at_once_is_learnt_once()
    {
        var (a, b, c) = (TestData.NewSku(), TestData.NewSku(), TestData.NewSku());
        var graph = Grains.ProductGraph(a);
        var lesson = new GraphLesson { Id = "order:o-1", Relation = GraphRelation.CoPurchase, Edges = [new(b, 1)], At = T0 };

        await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => graph.LearnAsync(lesson)));
        await graph.LearnAsync(new GraphLesson { Id = "order:o-2", Relation = GraphRelation.CoPurchase, Edges = [new(b, 1), new(c, 2)], At = T0 });

        var neighbours = await graph.GetAsync(10);
        Assert.Equal(2, neighbours.Lessons);
        Assert.Equal([new GraphEdge(b, 0.5), new GraphEdge(c, 0.5)], neighbours.CoPurchase.OrderBy(e => e.To == b ? 0 : 1));
        Assert.Empty(neighbours.CoView);
    }

    [Fact]
    public async Task A_malformed_lesson_is_refused_and_changes_nothing()
    {
        var a = TestData.NewSku();
        var graph = Grains.ProductGraph(a);

        await Assert.ThrowsAsync<ArgumentException>(() => graph.LearnAsync(new GraphLesson { Id = "x", Relation = GraphRelation.CoView, Edges = [new(a, 1)], At = T0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => graph.LearnAsync(new GraphLesson { Id = "y", Relation = GraphRelation.CoView, Edges = [new("b", double.NaN)], At = T0 }));

        Assert.Equal(0, (await graph.GetAsync(10)).Lessons);
    }

    [Fact]
    public async Task A_session_s_views_teach_each_product_the_products_viewed_around_it()
    {
        var (a, b, c) = (TestData.NewSku(), TestData.NewSku(), TestData.NewSku());
        var session = Grains.Session(new SessionId(TestData.NewId("s")));
        // One moment for every event, so no weight has decayed against another and the shares are exact.
        BehaviourEvent[] first = [View(a), View(b)];
        BehaviourEvent[] second = [View(c), new() { Type = BehaviourType.Dwell, Sku = c, At = T0, Value = 4000 }];

        var ann = new ShopperId(TestData.NewId("ann"));
        await session.RecordEventsAsync(ann, first);
        await session.RecordEventsAsync(ann, second);
        await session.RecordEventsAsync(ann, [.. first, .. second]); // sent again: nothing new

        // a→b 1, a→c 1/2; b→a 0.5 (back), b→c 1; c→b 0.5, c→a 0.25 (back).
        Assert.Equal([new GraphEdge(b, Math.Round(2.0 / 3, 12)), new GraphEdge(c, Math.Round(1.0 / 3, 12))], Rounded((await Grains.ProductGraph(a).GetAsync(5)).CoView));
        Assert.Equal([new GraphEdge(c, Math.Round(2.0 / 3, 12)), new GraphEdge(a, Math.Round(1.0 / 3, 12))], Rounded((await Grains.ProductGraph(b).GetAsync(5)).CoView));
        Assert.Equal([new GraphEdge(b, Math.Round(2.0 / 3, 12)), new GraphEdge(a, Math.Round(1.0 / 3, 12))], Rounded((await Grains.ProductGraph(c).GetAsync(5)).CoView));
        Assert.Equal(2, (await Grains.ProductGraph(b).GetAsync(5)).Lessons);
    }

    [Fact]
    public async Task A_packed_order_teaches_each_of_its_products_the_others_it_was_bought_with()
    {
        var skus = await TestData.NewProductsAsync(Grains, 3);
        foreach (var sku in skus)
        {
            await Grains.Cell(new CellKey(sku, TestData.Camden.Id)).ReceiveAsync(5, TestData.NewId("r"), "test");
        }

        var order = Grains.Order(new OrderId(TestData.NewId("o")));
        Assert.Equal(OrderOutcome.Applied, (await order.PlaceAsync(TestOrders.Pickup(TestData.Camden.Id, (skus[0], 1), (skus[1], 2), (skus[2], 1)))).Outcome);
        Assert.Equal(0, (await Grains.ProductGraph(skus[0]).GetAsync(5)).Lessons); // placed is not bought yet

        Assert.Equal(OrderOutcome.Applied, (await order.PackAsync("staff")).Outcome);

        var learnt = await Await.UntilAsync(
            async () => (await Grains.ProductGraph(skus[1]).GetAsync(5)) is { Lessons: 1 } n ? n : null, TimeSpan.FromSeconds(10));
        Assert.Equal(
            [new GraphEdge(skus[0], 0.5), new GraphEdge(skus[2], 0.5)],
            learnt.CoPurchase.OrderBy(e => e.To == skus[0] ? 0 : 1).ToList());
        Assert.Equal(1, (await Grains.ProductGraph(skus[0]).GetAsync(5)).Lessons);
        Assert.Equal(1, (await Grains.ProductGraph(skus[2]).GetAsync(5)).Lessons);
    }

    private static BehaviourEvent View(string sku) => new() { Type = BehaviourType.View, Sku = sku, At = T0 };

    private static List<GraphEdge> Rounded(IEnumerable<GraphEdge> edges) => [.. edges.Select(e => e with { Weight = Math.Round(e.Weight, 12) })];
}
