using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Tandem.Brains.Recommendations;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Experiments;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Recommendations;
using Tandem.Hosting.Simulation;

namespace Tandem.ExperimentTrials;

/// <summary>
/// Experiments through the real grains, in a silo in this process on a simulated clock: each trial defines and starts an
/// experiment on the picks' strategy (or on the returns' coupon: <see cref="CouponTrial"/>; on the zones' dispatch window: <see cref="WindowTrial"/>;
/// on the store cells' service level: <see cref="LevelTrial"/>) (A/A: the bandit in both variants; A/B: the bandit against another strategy), sends
/// its sessions a view each, asks the recommender for their picks (which records the exposure of the variant it used) and
/// lets each simulated shopper buy with the base rate, or the base rate plus the injected effect when the picks it was
/// shown were made under the A/B treatment. The purchase reaches the session as an order's outbox tells it (with the
/// order's revenue), and the experiment's results are read from its tallies. The shopper reacts to what it was shown, not
/// to the hash: the effect is caused by the variant served.
/// </summary>
internal sealed class TrialSimulation(TrialOptions options) : IAsyncDisposable
{
    private const string Sku = "TRIAL-ITEM";
    private const int Parallel = 64;

    private readonly SimulatedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private IHost? _host;
    private IGrainFactory _grains = null!;
    private CouponTrial? _coupon;
    private WindowTrial? _window;
    private LevelTrial? _level;

    /// <summary>Sessions (picks), shoppers (coupon), zones (window) or store cells (level) per trial.</summary>
    public int UnitsPerTrial => options.Setting is TrialOptions.Window or TrialOptions.Level
        ? options.Sessions ?? (2 * WindowTrial.PlannedZonesPerVariant(options))
        : options.Sessions ?? (int)(2 * Brains.Experiments.ProportionTest.SampleSizePerArm(options.BaseRate, options.Effect));

    public async Task StartAsync()
    {
        // The window trials decide each zone's windows on the simulated clock (as the dispatch day does); the others need no
        // dispatch. The level trials take their censuses themselves, one a simulated minute; the census timer's, hourly,
        // reads the same counts in one of those minutes.
        // (A key given with no value would bind as zero, not as the default: the census's is only given for the level trials.)
        var settings = new Dictionary<string, string?> { ["Tandem:Dispatch:DriveWindows"] = options.Setting == TrialOptions.Window ? "true" : "false" };
        if (options.Setting == TrialOptions.Level)
        {
            settings["Tandem:Kpis:CensusEvery"] = "01:00:00";
        }

        _host = SimulatedSilo.Build(_clock, settings);
        await _host.StartAsync();
        _grains = _host.Services.GetRequiredService<IGrainFactory>();
        await _grains.Catalog().UpsertAsync(
            [new Product
            {
                Sku = Sku, Name = "Trial item", Category = "trial", Price = 25m, Dimensions = new Dimensions { LengthCm = 10, WidthCm = 10, HeightCm = 10 },
                WeightKg = 1, SceneTags = [], Description = "What the trials' shoppers look at.",
            }],
            []);
        if (options.Setting == TrialOptions.Coupon)
        {
            _coupon = new CouponTrial(_grains, _clock, options);
            await _coupon.OpenAsync();
        }
        else if (options.Setting == TrialOptions.Window)
        {
            _window = new WindowTrial(_grains, _clock, options);
            await _window.OpenAsync();
        }
        else if (options.Setting == TrialOptions.Level)
        {
            _level = new LevelTrial(_grains, _clock, options);
            await _level.OpenAsync();
        }
    }

    public Task<TrialRun> RunAsync(int trial, bool injected) =>
        _window?.RunAsync(trial, injected) ?? _level?.RunAsync(trial, injected) ?? (_coupon is null ? RunPicksAsync(trial, injected) : _coupon.RunAsync(trial, injected, UnitsPerTrial));

    private async Task<TrialRun> RunPicksAsync(int trial, bool injected)
    {
        var id = $"trial-{options.Seed}-{(injected ? "ab" : "aa")}-{trial}";
        var definition = new ExperimentDefinition
        {
            Id = id,
            Name = injected ? "A/B of the picks" : "A/A of the picks",
            Variants =
            [
                new VariantDefinition { Name = "control", Settings = new() { RecommendationStrategy = PickStrategies.Bandit } },
                new VariantDefinition { Name = "treatment", Settings = new() { RecommendationStrategy = injected ? options.Treatment : PickStrategies.Bandit } },
            ],
            BaseRate = options.BaseRate,
            MinimumEffect = options.Effect,
        };
        var experiment = await TrialExperiment.StartAsync(_grains, _clock, definition);

        var (mismatched, untagged) = (0, 0);
        var sessions = Enumerable.Range(0, UnitsPerTrial).Select(i => $"{id}-s{i}").ToList();
        await System.Threading.Tasks.Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (sessionId, _) =>
        {
            var session = new SessionId(sessionId);
            var at = _clock.GetUtcNow();
            await Retried(() => _grains.Session(session).RecordEventsAsync(new ShopperId("shopper-" + sessionId), [new BehaviourEvent { Type = BehaviourType.View, Sku = Sku, At = at }]));
            var picks = await Retried(() => _grains.Recommender(session).GetAsync(session));
            var shown = picks.Experiments.SingleOrDefault(e => e.StartsWith(id + ":", StringComparison.Ordinal));
            if (shown is null)
            {
                Interlocked.Increment(ref untagged); // made without the experiment: the session is not in it
            }
            else if ((shown == $"{id}:control") != (ExperimentUnits.Assign(definition, sessionId, "browse", region: null) == 0))
            {
                Interlocked.Increment(ref mismatched); // the list's variant must be the one the hash gives
            }

            var random = new Random(Fnv1a.Seed($"{options.Seed}#{sessionId}")); // the same shopper draws the same in every run
            var rate = injected && shown == $"{id}:treatment" ? options.BaseRate + options.Effect : options.BaseRate;
            if (random.NextDouble() < rate)
            {
                var revenue = Math.Round(20m + (decimal)(random.NextDouble() * 60), 2);
                await Retried(async () => { await _grains.Session(session).OrderPlacedAsync(new OrderId("o-" + sessionId), [Sku], revenue); return true; });
            }
        });

        var results = (await experiment.GetResultsAsync())!;
        await TrialExperiment.StopAsync(experiment, _clock);
        var (control, treatment) = (results.Variants[0], results.Variants[1]);
        var comparison = treatment.Conversion!;
        return new TrialRun(
            injected, control.Exposed, treatment.Exposed, control.ConversionRate, treatment.ConversionRate,
            comparison.Difference, comparison.Low, comparison.High, comparison.PValue, results.SampleRatio.Mismatch, mismatched, untagged);
    }

    /// <summary>A call tried again after a timeout or an expired placement (a busy machine): every call made here is idempotent, as a client's retries are.</summary>
    internal static async Task<T> Retried<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException && attempt < 3)
            {
                // a response or a placement that did not come in time (a stalled machine): asked again
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}
