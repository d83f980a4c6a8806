using Tandem.Brains.Experiments;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Experiments;

/// <summary>A running experiment changes how the shop's picks are made for the sessions in its variant (and its regions), and counts each session once, when its variant is used.</summary>
public sealed class ExperimentRecommenderTests(SweepingClusterFixture fixture) : IClassFixture<SweepingClusterFixture>
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Each_session_of_the_regions_targeted_gets_its_variants_picks_and_is_counted_once_for_it()
    {
        // Started before any list is made in this cluster, so every recommender reads it at its first list. It targets the
        // region of a store of its own: 240 sessions are near it, 40 gave no place (they keep the product's way).
        var store = TestData.RemoteStore("t-norwich", "Test store Norwich", 52.6309, 1.2974);
        var region = new DispatchOptions().ZoneOf(store.Position);
        var id = TestData.NewId("exp");
        var definition = ExperimentLifecycleTests.Definition(id, "recently-viewed") with { Traffic = 0.8, Regions = [region] };
        await Grains.Experiment(id).CreateAsync(definition, "ops:ann");
        await Grains.Experiment(id).StartAsync("ops:ann");
        var (cot, lamp) = (TestData.NewSku(), TestData.NewSku());
        await Grains.Catalog().UpsertAsync([TestData.Product(cot) with { SceneTags = [] }, TestData.Product(lamp) with { SceneTags = [] }], [store]);
        var sessions = Enumerable.Range(0, 280).Select(i => (Id: new SessionId(TestData.NewId("s")), Place: i < 240 ? new GeoPoint { Lat = 52.63, Lon = 1.30 } : null)).ToList();
        var at = DateTimeOffset.UtcNow;

        await Task.WhenAll(sessions.Select(s => Grains.Session(s.Id).RecordEventsAsync(new ShopperId("shopper-" + s.Id.Value),
            [new BehaviourEvent { Type = BehaviourType.View, Sku = cot, At = at }, new BehaviourEvent { Type = BehaviourType.View, Sku = lamp, At = at.AddSeconds(5) }], s.Place)));
        var lists = await Task.WhenAll(sessions.Select(s => Grains.Recommender(s.Id).GetAsync(s.Id)));
        var expected = sessions.Select(s => ExperimentUnits.Assign(definition, s.Id.Value, "browse", s.Place is null ? null : region)).ToList();
        var results = (await Grains.Experiment(id).GetResultsAsync())!;

        for (var i = 0; i < sessions.Count; i++)
        {
            var list = lists[i];
            switch (expected[i])
            {
                case -1: // outside the 80 % traffic or the region: the product's way, untagged
                    Assert.Equal(("Thompson sampling per slot", 0), (list.Policy, list.Experiments.Count));
                    break;
                case 0:
                    Assert.Equal(("Thompson sampling per slot", $"{id}:control"), (list.Policy, list.Experiments.Single()));
                    break;
                default: // the lamp is on screen: the only recent view to offer is the cot
                    Assert.Equal(("recently-viewed only", $"{id}:treatment"), (list.Policy, list.Experiments.Single()));
                    Assert.Equal([(cot, "recently-viewed")], list.Items.Select(p => (p.Sku, p.Arm)));
                    break;
            }
        }

        long[] counted = [expected.Count(v => v == 0), expected.Count(v => v == 1)];
        Assert.InRange(counted.Sum(), 170, 215); // 80 % of the 240 in the region, give or take the hash
        Assert.All(expected.Skip(240), v => Assert.Equal(-1, v));
        Assert.Equal(counted, results.Variants.Select(v => v.Exposed));
        var ratio = SampleRatio.Check(counted, [1, 1]);
        Assert.Equal(Math.Round(ratio.PValue, 6), results.SampleRatio.PValue);
        Assert.All(results.Variants, v => Assert.Equal(0, v.Converted));

        // Lists made again (more behaviour) change neither the variant nor the counts.
        await Task.WhenAll(sessions.Select(s => Grains.Session(s.Id).RecordEventsAsync(new ShopperId("shopper-" + s.Id.Value),
            [new BehaviourEvent { Type = BehaviourType.View, Sku = cot, At = at.AddSeconds(9) }])));
        var relisted = await Task.WhenAll(sessions.Select(s => Grains.Recommender(s.Id).GetAsync(s.Id)));
        Assert.Equal(lists.Select(l => string.Join(",", l.Experiments)), relisted.Select(l => string.Join(",", l.Experiments)));
        Assert.Equal(counted, (await Grains.Experiment(id).GetResultsAsync())!.Variants.Select(v => v.Exposed));
    }
}
