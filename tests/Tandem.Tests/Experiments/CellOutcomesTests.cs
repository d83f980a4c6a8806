using Tandem.Brains.Experiments;
using Tandem.Contracts.Experiments;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Experiments;

/// <summary>
/// A service-level experiment's store cells observed per stock census: each census minute is one observation of each
/// exposed cell (worth 1 when it had a unit to sell) in its variant, and the variants' in-stock shares are compared
/// clustered by cell, from the tallies' shards summed.
/// </summary>
public sealed class CellOutcomesTests(SweepingClusterFixture fixture) : IClassFixture<SweepingClusterFixture>
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Each_census_minute_counts_once_per_exposed_cell_in_its_variant_and_the_shares_compare_clustered_by_cell()
    {
        var id = TestData.NewId("exp");
        var definition = new ExperimentDefinition
        {
            Id = id, Name = "Service level",
            Variants = [new VariantDefinition { Name = "p90", Settings = new() { ServiceLevel = 0.9 } }, new VariantDefinition { Name = "p99", Settings = new() { ServiceLevel = 0.99 } }],
        };
        await Grains.Experiment(id).CreateAsync(definition, "ops:ann");
        await Grains.Experiment(id).StartAsync("ops:ann");
        var at = DateTimeOffset.UtcNow;
        const long FirstMinute = 29_000_000;
        var cells = Enumerable.Range(0, 16).Select(i => (Id: $"{id}-sku{i}@st-{i}", Variant: Assignment.Assign(id, $"{id}-sku{i}@st-{i}", [new("p90", 1), new("p99", 1)], 1), Empty: i % 5)).ToList();
        Assert.True(cells.Count(c => c.Variant == 0) >= 2 && cells.Count(c => c.Variant == 1) >= 2, "both variants need two cells");
        IExperimentTallyGrain Tally(string cell) => Grains.ExperimentTally(id, ExperimentUnitKinds.Cell, IExperimentTallyGrain.ShardOf(cell));
        await Task.WhenAll(cells.Select(c => Tally(c.Id).ExposeAsync(new TallyEntry { UnitId = c.Id, Variant = c.Variant, At = at })));

        // Ten censuses, a minute apart; cell i has nothing to sell in the first i mod 5 of them. Each shard is told each
        // census three times at once; then the first census again (too old), a cell never exposed, one in another variant
        // and a census from before the exposures.
        TallyEntry Observed((string Id, int Variant, int Empty) c, int census) =>
            new() { UnitId = c.Id, Variant = c.Variant, At = at.AddMinutes(census), Minute = FirstMinute + census, Revenue = census < c.Empty ? 0 : 1 };
        var byShard = cells.GroupBy(c => IExperimentTallyGrain.ShardOf(c.Id)).ToList();
        for (var census = 0; census < 10; census++)
        {
            await Task.WhenAll(byShard.SelectMany(shard => Enumerable.Repeat(0, 3).Select(_ => Tally(shard.First().Id).ObserveAsync([.. shard.Select(c => Observed(c, census))]))));
        }

        await Task.WhenAll(byShard.Select(shard => Tally(shard.First().Id).ObserveAsync([.. shard.Select(c => Observed(c, 0) with { Revenue = 0 })])));
        var stranger = $"{id}-never@st-x";
        await Tally(stranger).ObserveAsync([new TallyEntry { UnitId = stranger, Variant = 0, At = at.AddMinutes(20), Minute = FirstMinute + 20, Revenue = 1 }]);
        await Tally(cells[0].Id).ObserveAsync([Observed(cells[0], 20) with { Variant = 1 - cells[0].Variant }]);
        await Tally(cells[1].Id).ObserveAsync([Observed(cells[1], 21) with { At = at.AddMinutes(-1) }]);
        await Assert.ThrowsAsync<ArgumentException>(() => Tally(cells[2].Id).ObserveAsync([Observed(cells[2], 22) with { Minute = null }]));
        await Assert.ThrowsAsync<ArgumentException>(() => Tally(cells[2].Id).ObserveAsync([Observed(cells[2], 22) with { Revenue = 0.5m }]));

        var results = (await Grains.Experiment(id).GetResultsAsync())!;
        var observed = Assert.Single(results.Units);
        var moments = Enumerable.Range(0, 2).Select(v => ClusterMoments.Of(cells.Where(c => c.Variant == v).Select(c => (10.0, 10.0 - c.Empty)))).ToList();
        var expected = ClusteredRatioTest.Compare(moments[0], moments[1]);

        Assert.Equal((ExperimentUnitKinds.Cell, "inStock"), (observed.Unit, observed.Outcome));
        Assert.Equal(Enumerable.Range(0, 2).Select(v => 10L * cells.Count(c => c.Variant == v)), observed.Observed);
        Assert.Equal(moments.Select(m => Math.Round(m.Share, 6)), observed.Shares);
        var change = observed.ShareChange[1]!;
        Assert.Equal((Math.Round(expected.Difference, 6), Math.Round(expected.Low, 6), Math.Round(expected.High, 6), Math.Round(expected.PValue, 6)), (change.Difference, change.Low, change.High, change.PValue));
        Assert.Equal(Enumerable.Range(0, 2).Select(v => (long)cells.Count(c => c.Variant == v)), observed.Exposed);
        await Grains.Experiment(id).StopAsync("ops:ann");
    }
}
