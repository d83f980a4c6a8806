using Tandem.Brains.Experiments;
using Tandem.Contracts.Experiments;
using Tandem.Contracts.Kpis;
using Tandem.Grains.Experiments;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Experiments;

/// <summary>
/// A dispatch-window experiment's zones observed per delivery: each delivery is counted once in its zone's variant, and
/// the variants' on-time shares are compared clustered by zone, from the tallies' shards summed.
/// </summary>
public sealed class ZoneOutcomesTests(SweepingClusterFixture fixture) : IClassFixture<SweepingClusterFixture>
{
    private IGrainFactory Grains => fixture.Grains;

    private static KpiFact Delivered(bool onTime, DateTimeOffset at) => new() { Id = "delivered", Measure = KpiMeasure.Delivery, At = at, Value = onTime ? 1 : 0 };

    [Fact]
    public async Task Deliveries_count_once_per_order_in_their_zone_s_variant_and_the_shares_compare_clustered_by_zone()
    {
        var id = TestData.NewId("exp");
        var definition = new ExperimentDefinition
        {
            Id = id, Name = "Window",
            Variants = [new VariantDefinition { Name = "short", Settings = new() { DispatchWindowSeconds = 2 } }, new VariantDefinition { Name = "long", Settings = new() { DispatchWindowSeconds = 30 } }],
        };
        await Grains.Experiment(id).CreateAsync(definition, "ops:ann");
        await Grains.Experiment(id).StartAsync("ops:ann");
        var at = DateTimeOffset.UtcNow;
        var zones = Enumerable.Range(0, 12).Select(i => (Id: $"{id}-z{i}", Variant: Assignment.Assign(id, $"{id}-z{i}", [new("short", 1), new("long", 1)], 1), Deliveries: 10 + i, Late: i % 4)).ToList();
        Assert.True(zones.Count(z => z.Variant == 0) >= 2 && zones.Count(z => z.Variant == 1) >= 2, "both variants need two zones");
        await Task.WhenAll(zones.Select(z => Grains.ExperimentTally(id, ExperimentUnitKinds.Region, IExperimentTallyGrain.ShardOf(z.Id)).ExposeAsync(new TallyEntry { UnitId = z.Id, Variant = z.Variant, At = at })));

        // Zone i delivers 10 + i orders, the first i mod 4 late; every order's outbox tells it three times at once. A
        // delivery in a zone never exposed, and one before its zone's exposure, are not the experiment's.
        var deliveries = zones.SelectMany(z => Enumerable.Range(0, z.Deliveries).Select(n => (Zone: z, Order: $"{z.Id}-o{n}", OnTime: n >= z.Late))).ToList();
        await Task.WhenAll(deliveries.SelectMany(d => Enumerable.Repeat(0, 3).Select(_ =>
            ZoneOutcomes.RecordAsync(Grains, d.Zone.Id, [(id, d.Zone.Variant)], d.Order, [Delivered(d.OnTime, at.AddMinutes(1))]))));
        await ZoneOutcomes.RecordAsync(Grains, $"{id}-unexposed", [(id, 0)], "o-elsewhere", [Delivered(true, at.AddMinutes(1))]);
        await ZoneOutcomes.RecordAsync(Grains, zones[0].Id, [(id, zones[0].Variant)], "o-before", [Delivered(true, at.AddMinutes(-1))]);
        await ZoneOutcomes.RecordAsync(Grains, zones[0].Id, [(id, zones[0].Variant)], "o-not-delivered", [new KpiFact { Id = "fulfilled", Measure = KpiMeasure.Fulfilled, At = at.AddMinutes(1), Value = 1 }]);

        var results = (await Grains.Experiment(id).GetResultsAsync())!;
        var observed = Assert.Single(results.Units);
        var moments = Enumerable.Range(0, 2).Select(v => ClusterMoments.Of(zones.Where(z => z.Variant == v).Select(z => ((double)z.Deliveries, (double)(z.Deliveries - z.Late))))).ToList();
        var expected = ClusteredRatioTest.Compare(moments[0], moments[1]);

        Assert.Equal((ExperimentUnitKinds.Region, "onTime"), (observed.Unit, observed.Outcome));
        Assert.Equal(Enumerable.Range(0, 2).Select(v => (long)zones.Where(z => z.Variant == v).Sum(z => z.Deliveries)), observed.Observed);
        Assert.Equal(moments.Select(m => Math.Round(m.Share, 6)), observed.Shares);
        Assert.Null(observed.ShareChange[0]);
        var change = observed.ShareChange[1]!;
        Assert.Equal((Math.Round(expected.Difference, 6), Math.Round(expected.Low, 6), Math.Round(expected.High, 6), Math.Round(expected.PValue, 6)), (change.Difference, change.Low, change.High, change.PValue));
        Assert.Equal(Enumerable.Range(0, 2).Select(v => (long)zones.Count(z => z.Variant == v)), observed.Exposed);
        await Grains.Experiment(id).StopAsync("ops:ann");
    }
}
