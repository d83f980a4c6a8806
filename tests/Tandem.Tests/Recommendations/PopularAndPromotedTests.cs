using Tandem.Contracts.Sessions;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Grains.Recommendations;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Recommendations;

[Collection(GrainClusterCollection.Name)]
public sealed class PopularAndPromotedTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_cart_brings_the_most_viewed_of_its_category_and_the_promotion_that_fits_it_each_with_its_evidence()
    {
        var category = TestData.NewId("c");
        var scene = TestData.NewId("scene");
        var skus = TestData.NewSkus(6);
        await Grains.Catalog().UpsertAsync([.. skus.Select(s => TestData.Product(s) with { Category = category, SceneTags = [scene] })], []);
        var at = GrainClusterFixture.Clock.GetUtcNow();
        // Five shoppers viewed the third product, two the fourth: their sessions teach the category's node.
        await Task.WhenAll(new[] { 3, 3, 3, 3, 3, 4, 4 }.Select((p, i) => Grains.Session(new SessionId(TestData.NewId("s")))
            .RecordEventsAsync(new ShopperId("viewer" + i), [new() { Type = BehaviourType.View, Sku = skus[p], At = at }])));
        var promoted = await Grains.Promotions().PromoteAsync(skus[5], "Winter clearance", "ops", until: null);
        try
        {
            GrainClusterFixture.Clock.Advance(PromotionsCache.FreshFor + TimeSpan.FromSeconds(1)); // past any recommender's memory of the promotions
            var node = await Grains.ProductGraph(CategoryNode.Key(category)).GetAsync(10);
            var session = new SessionId(TestData.NewId("s"));
            await Grains.Session(session).SetCartLineAsync(new ShopperId(TestData.NewId("ann")), skus[0], 1);

            var picks = await Grains.Recommender(session).GetAsync(session);

            Assert.Equal([(skus[3], 0.7143), (skus[4], 0.2857)], node.CoView.Select(e => (e.To, Math.Round(e.Weight, 4))));
            Assert.Equal((PromoteRefusal.None, "Winter clearance", category), (promoted.Refused, promoted.Promotion!.Reason, promoted.Promotion.Category));
            Assert.DoesNotContain(skus[0], picks.Items.Select(i => i.Sku)); // in the cart
            var popular = picks.Items.Single(i => i.Sku == skus[3]).Evidence.Single(e => e.Arm == "popular");
            Assert.Equal(("category:" + category, 0.7143, 0.7143), (popular.From, popular.Edge, popular.Vote));
            Assert.Equal(0.2857, picks.Items.Single(i => i.Sku == skus[4]).Evidence.Single(e => e.Arm == "popular").Vote);
            // The cart's one product points wholly at the scene and the category the promoted product is in.
            var promotion = picks.Items.Single(i => i.Sku == skus[5]).Evidence.Single(e => e.Arm == "promoted");
            Assert.Equal(("Winter clearance", 1.0, 1.1), (promotion.From, promotion.Edge, promotion.Vote));
            Assert.Contains("popular", picks.Arms.Select(a => a.Arm));
            Assert.Contains("promoted", picks.Arms.Select(a => a.Arm));
        }
        finally
        {
            await Grains.Promotions().EndAsync(skus[5]);
        }
    }

    [Fact]
    public async Task A_promotion_is_set_once_replaced_ended_and_runs_out_and_at_most_200_run_at_once()
    {
        var skus = TestData.NewSkus(IPromotionsGrain.MaxPromotions + 2);
        await Grains.Catalog().UpsertAsync([.. skus.Select(s => TestData.Product(s))], []);
        var promotions = Grains.Promotions();
        var before = await promotions.GetAsync();
        try
        {
            var first = await promotions.PromoteAsync(skus[0], "Clearance", "ops", until: null);
            var again = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => promotions.PromoteAsync(skus[0], "Clearance", "ops", until: null)));
            var afterAgain = await promotions.GetAsync();
            var until = GrainClusterFixture.Clock.GetUtcNow().AddHours(1);
            var replaced = await promotions.PromoteAsync(skus[0], "Slow mover", "slow-mover", until);
            var unknown = await promotions.PromoteAsync("NO-SUCH-PRODUCT", "Clearance", "ops", until: null);
            GrainClusterFixture.Clock.Advance(TimeSpan.FromHours(1));
            var runOut = await promotions.GetAsync();

            Assert.Equal(before.Version + 1, afterAgain.Version); // promoted once, however often asked
            Assert.All(again, a => Assert.Equal((first.Promotion!.Reason, first.Promotion.Since), (a.Promotion!.Reason, a.Promotion.Since)));
            Assert.Equal(("Slow mover", "slow-mover", until), (replaced.Promotion!.Reason, replaced.Promotion.Source, replaced.Promotion.Until));
            Assert.Equal((PromoteRefusal.UnknownProduct, null), (unknown.Refused, unknown.Promotion));
            Assert.DoesNotContain(skus[0], runOut.Items.Select(p => p.Sku));

            var running = runOut.Items.Count;
            var set = await Task.WhenAll(skus[1..^1].Take(IPromotionsGrain.MaxPromotions - running).Select(s => promotions.PromoteAsync(s, "Clearance", "ops", until: null)));
            var full = await promotions.PromoteAsync(skus[^1], "Clearance", "ops", until: null);
            var stillAllowed = await promotions.PromoteAsync(skus[1], "Clearance, again", "ops", until: null); // replacing one is not a new one

            Assert.All(set, s => Assert.Equal(PromoteRefusal.None, s.Refused));
            Assert.Equal(PromoteRefusal.TooMany, full.Refused);
            Assert.Equal("Clearance, again", stillAllowed.Promotion!.Reason);
            Assert.Equal(IPromotionsGrain.MaxPromotions, (await promotions.GetAsync()).Items.Count);
            Assert.True(await promotions.EndAsync(skus[1]));
            Assert.False(await promotions.EndAsync(skus[1]));
        }
        finally
        {
            await Task.WhenAll(skus.Select(s => promotions.EndAsync(s)));
        }
    }
}
