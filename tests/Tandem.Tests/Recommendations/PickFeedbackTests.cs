using Tandem.Contracts.Recommendations;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Recommendations;

[Collection(GrainClusterCollection.Name)]
public sealed class PickFeedbackTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_clicked_pick_credits_its_strategy_once_and_one_ignored_for_the_window_counts_as_a_miss()
    {
        var scene = "scene-" + Guid.NewGuid().ToString("N")[..8];
        var skus = TestData.NewSkus(4);
        await Grains.Catalog().UpsertAsync([.. skus.Select(s => TestData.Product(s) with { SceneTags = [scene], Category = "c-" + scene })], []);
        var id = new SessionId(TestData.NewId("s"));
        var ann = new ShopperId(TestData.NewId("ann"));
        await Grains.Session(id).RecordEventsAsync(ann, [new() { Type = BehaviourType.View, Sku = skus[0], At = GrainClusterFixture.Clock.GetUtcNow() }]);
        var list = await Grains.Recommender(id).GetAsync(id);
        var (first, second) = (list.Items[0], list.Items[1]);
        var before = await Record(list.Segment);

        var shown = await Grains.Recommender(id).ShownAsync(ann, id, list.Version, [first.Sku, second.Sku, "NOT-IN-THE-LIST"]);
        var shownAgain = await Grains.Recommender(id).ShownAsync(ann, id, list.Version, [first.Sku]);
        var stranger = await Grains.Recommender(id).ShownAsync(new ShopperId("bob"), id, list.Version, [first.Sku]);
        var clicks = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Grains.Session(id).RecordPickClickAsync(ann, list.Version, first.Sku)));
        var notShown = await Grains.Session(id).RecordPickClickAsync(ann, list.Version, list.Items[2].Sku); // in the list, never on screen
        var afterClick = await Record(list.Segment);
        GrainClusterFixture.Clock.Advance(TimeSpan.FromMinutes(31));
        await Grains.Session(id).CatchUpAsync();
        await Grains.Session(id).CatchUpAsync();
        var afterWindow = await Record(list.Segment);

        Assert.Equal("browse", list.Segment);
        Assert.All(list.Items, i => Assert.Equal("scene", i.Arm)); // only the scene has candidates: the viewed product is on screen
        Assert.All(list.Items, i => Assert.Equal(1, i.Propensity));
        Assert.Equal((2, 1, (int?)null), (shown, shownAgain, stranger));
        Assert.All(clicks, c => Assert.True(c));
        Assert.False(notShown);
        Assert.Equal((1, 0), (afterClick["scene"].Clicks - before["scene"].Clicks, afterClick["scene"].Misses - before["scene"].Misses));
        // The click is a day-long half-life away from fading: 31 minutes later both records are worth a little less.
        var fade = Math.Pow(0.5, 31.0 / (24 * 60));
        Assert.Equal(Math.Round(afterClick["scene"].Misses * fade, 3) + 1, afterWindow["scene"].Misses, 3);
        Assert.Equal(Math.Round(afterClick["scene"].Clicks * fade, 3), afterWindow["scene"].Clicks, 3);
    }

    private async Task<Dictionary<string, ArmStats>> Record(string segment) =>
        (await Grains.ArmWeights(segment).GetAsync()).Arms.ToDictionary(a => a.Arm);
}
