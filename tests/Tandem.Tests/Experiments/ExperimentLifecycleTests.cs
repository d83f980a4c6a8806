using System.Text.Json;

using Tandem.Contracts.Experiments;
using Tandem.Grains.Experiments;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Experiments;

/// <summary>Experiments as grains: created, started and stopped once each, announced to the list, kept apart when they change the same setting.</summary>
public sealed class ExperimentLifecycleTests(SweepingClusterFixture fixture) : IClassFixture<SweepingClusterFixture>
{
    private IGrainFactory Grains => fixture.Grains;

    public static ExperimentDefinition Definition(string id, string treatment = "popular", params string[] segments) => new()
    {
        Id = id,
        Name = "Popular picks",
        Variants = [new VariantDefinition { Name = "control", Settings = new() { RecommendationStrategy = "bandit" } }, new VariantDefinition { Name = "treatment", Settings = new() { RecommendationStrategy = treatment } }],
        Segments = segments,
    };

    [Fact]
    public async Task An_experiment_is_created_started_and_stopped_once_each_and_the_list_hears_every_step()
    {
        var id = TestData.NewId("exp");
        var experiment = Grains.Experiment(id);

        var created = await experiment.CreateAsync(Definition(id), "ops:ann");
        var again = await experiment.CreateAsync(Definition(id), "ops:bob");
        var other = await experiment.CreateAsync(Definition(id, "scene"), "ops:bob");
        var started = await experiment.StartAsync("ops:ann");
        var restarted = await experiment.StartAsync("ops:bob");
        var running = await Grains.ExperimentDirectory().RunningAsync();
        var stopped = await experiment.StopAsync("ops:cy");
        var stoppedAgain = await experiment.StopAsync("ops:bob");
        var startedAfterStop = await experiment.StartAsync("ops:ann");
        var listed = (await Grains.ExperimentDirectory().ListAsync()).Single(e => e.Definition.Id == id);

        Assert.Equal((ExperimentOutcome.Applied, ExperimentStatus.Draft, 1L, "ops:ann"), (created.Outcome, created.Experiment!.Status, created.Experiment.Version, created.Experiment.CreatedBy));
        Assert.Equal((ExperimentOutcome.Replayed, "ops:ann"), (again.Outcome, again.Experiment!.CreatedBy));
        Assert.Equal(ExperimentOutcome.Conflict, other.Outcome);
        Assert.Equal((ExperimentOutcome.Applied, ExperimentStatus.Running, 2L, "ops:ann"), (started.Outcome, started.Experiment!.Status, started.Experiment.Version, started.Experiment.StartedBy));
        Assert.Equal((ExperimentOutcome.Replayed, 2L), (restarted.Outcome, restarted.Experiment!.Version));
        Assert.Contains(running.Experiments, e => e.Definition.Id == id);
        Assert.Equal((ExperimentOutcome.Applied, ExperimentStatus.Stopped, 3L, "ops:cy"), (stopped.Outcome, stopped.Experiment!.Status, stopped.Experiment.Version, stopped.Experiment.StoppedBy));
        Assert.Equal((ExperimentOutcome.Replayed, 3L), (stoppedAgain.Outcome, stoppedAgain.Experiment!.Version));
        Assert.Equal(ExperimentOutcome.Conflict, startedAfterStop.Outcome);
        Assert.Equal(JsonSerializer.Serialize(stopped.Experiment), JsonSerializer.Serialize(listed));
        Assert.DoesNotContain((await Grains.ExperimentDirectory().RunningAsync()).Experiments, e => e.Definition.Id == id);
        Assert.Equal(ExperimentOutcome.NotFound, (await Grains.Experiment(TestData.NewId("exp")).StartAsync("ops:ann")).Outcome);
    }

    [Fact]
    public async Task Two_experiments_changing_the_strategy_run_together_only_for_different_segments()
    {
        var (browse, cart, everyone) = (TestData.NewId("exp"), TestData.NewId("exp"), TestData.NewId("exp"));
        await Grains.Experiment(browse).CreateAsync(Definition(browse, "popular", "browse"), "ops:ann");
        await Grains.Experiment(cart).CreateAsync(Definition(cart, "co-purchase", "cart"), "ops:ann");
        await Grains.Experiment(everyone).CreateAsync(Definition(everyone, "scene"), "ops:ann");

        try
        {
            Assert.Equal(ExperimentOutcome.Applied, (await Grains.Experiment(browse).StartAsync("ops:ann")).Outcome);
            Assert.Equal(ExperimentOutcome.Applied, (await Grains.Experiment(cart).StartAsync("ops:ann")).Outcome);
            var refused = await Grains.Experiment(everyone).StartAsync("ops:ann");

            Assert.Equal((ExperimentOutcome.Conflict, ExperimentStatus.Draft), (refused.Outcome, refused.Experiment!.Status));
            Assert.Contains("RecommendationStrategy", refused.Detail, StringComparison.Ordinal);
        }
        finally
        {
            await Grains.Experiment(browse).StopAsync("ops:ann");
            await Grains.Experiment(cart).StopAsync("ops:ann");
        }

        Assert.Equal(ExperimentOutcome.Applied, (await Grains.Experiment(everyone).StartAsync("ops:ann")).Outcome);
        await Grains.Experiment(everyone).StopAsync("ops:ann");
    }

    [Fact]
    public async Task Exposures_and_conversions_count_once_per_unit_and_order_under_hundreds_of_parallel_repeats()
    {
        var id = TestData.NewId("exp");
        await Grains.Experiment(id).CreateAsync(Definition(id), "ops:ann");
        await Grains.Experiment(id).StartAsync("ops:ann");
        var sessions = Enumerable.Range(0, 40).Select(_ => new SessionId(TestData.NewId("s"))).ToList();
        var at = DateTimeOffset.UtcNow;

        // Each session is told its exposure 5 times at once (the recommender's retries), then places one order twice
        // (the order's outbox repeating itself); sessions 0–9 place a second order of 30.
        await Task.WhenAll(sessions.SelectMany((s, i) => Enumerable.Repeat(0, 5).Select(_ => Grains.Session(s).ExposeAsync(
            [new ExperimentExposure { ExperimentId = id, Variant = i % 2, VariantName = i % 2 == 0 ? "control" : "treatment", At = at }]))));
        await Task.WhenAll(sessions.Take(20).SelectMany((s, i) => Enumerable.Repeat(0, 2).Select(_ => Grains.Session(s).OrderPlacedAsync(new OrderId($"o-{s.Value}-1"), [], 10m + i))));
        await Task.WhenAll(sessions.Take(10).Select(s => Grains.Session(s).OrderPlacedAsync(new OrderId($"o-{s.Value}-2"), [], 30m)));

        var results = (await Grains.Experiment(id).GetResultsAsync())!;

        // Sessions 0–19 converted: 10 even (control) with revenue 10, 12, …, 28 and 10 odd (treatment) with 11, 13, …, 29;
        // sessions 0–9 (5 of each) add 30.
        Assert.Equal([(20L, 10L, 15L, 340m), (20L, 10L, 15L, 350m)], results.Variants.Select(v => (v.Exposed, v.Converted, v.Orders, v.Revenue)));
        Assert.Equal([0.5, 0.5], results.Variants.Select(v => v.ConversionRate));
        Assert.Equal([17.0, 17.5], results.Variants.Select(v => v.RevenuePerUnit));
        Assert.Equal((0.0, 1.0, false), (results.SampleRatio.ChiSquare, results.SampleRatio.PValue, results.SampleRatio.Mismatch));
        Assert.Null(results.Variants[0].Conversion);
        Assert.Equal((0.0, 1.0), (results.Variants[1].Conversion!.Difference, results.Variants[1].Conversion!.PValue));
        Assert.Equal(0.5, results.Variants[1].RevenuePerUnitChange!.Difference, 9);
        Assert.False(results.Variants[1].RevenuePerUnitChange!.Significant);
        Assert.Equal(3841, results.PlannedPerVariant);
        await Grains.Experiment(id).StopAsync("ops:ann");
    }

    [Fact]
    public async Task Product_pages_take_the_layout_of_their_sessions_variant_and_each_session_is_counted_once()
    {
        var id = TestData.NewId("exp");
        var definition = new ExperimentDefinition
        {
            Id = id,
            Name = "Picks first",
            Variants = [new VariantDefinition { Name = "control", Settings = new() { Layout = "standard" } }, new VariantDefinition { Name = "picks-first", Settings = new() { Layout = "picks-first" } }],
        };
        await Grains.Experiment(id).CreateAsync(definition, "ops:ann");
        await Grains.Experiment(id).StartAsync("ops:ann");
        var sessions = Enumerable.Range(0, 200).Select(_ => new SessionId(TestData.NewId("s"))).ToList();
        var owner = new ShopperId(TestData.NewId("ann"));

        // The silo reads the running experiments every 200 ms here: the first session waits until its page sees this one.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await Grains.Session(sessions[0]).ChooseLayoutAsync(owner))!.Experiment is null)
        {
            await Task.Delay(50, deadline.Token);
        }

        // Every page of every session asks 3 times at once; another shopper asking for one of them gets nothing.
        var choices = await Task.WhenAll(sessions.SelectMany(s => Enumerable.Repeat(0, 3).Select(async _ => (Session: s, Choice: await Grains.Session(s).ChooseLayoutAsync(owner)))));
        var stranger = await Grains.Session(sessions[1]).ChooseLayoutAsync(new ShopperId(TestData.NewId("bob")));
        var results = (await Grains.Experiment(id).GetResultsAsync())!;

        foreach (var (session, choice) in choices)
        {
            var variant = ExperimentUnits.Assign(definition, session.Value, "browse", region: null);
            Assert.Equal((variant == 1 ? "picks-first" : "standard", $"{id}:{definition.Variants[variant].Name}"), (choice!.Layout, choice.Experiment));
        }

        Assert.Null(stranger);
        long[] expected = [sessions.Count(s => ExperimentUnits.Assign(definition, s.Value, "browse", region: null) == 0), sessions.Count(s => ExperimentUnits.Assign(definition, s.Value, "browse", region: null) == 1)];
        Assert.Equal(expected, results.Variants.Select(v => v.Exposed));
        Assert.Equal(200, expected.Sum());

        // Stopped: pages go back to the shop's own layout, untagged, once the silo has read the list again.
        await Grains.Experiment(id).StopAsync("ops:ann");
        var after = await Grains.Session(sessions[0]).ChooseLayoutAsync(owner);
        while (after!.Experiment is not null)
        {
            await Task.Delay(50, deadline.Token);
            after = await Grains.Session(sessions[0]).ChooseLayoutAsync(owner);
        }

        Assert.Equal("standard", after.Layout);
    }
}
