using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Tandem.Contracts.Experiments;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Experiments;

/// <summary>
/// One experiment (see <see cref="IExperimentGrain"/>). Its outbox is one number: the version the experiments' list has
/// acknowledged. A reminder is registered before any write that leaves the list behind and is dropped once the list
/// has caught up, so a silo dying right after the write only delays the announcement to the reminder's next tick.
/// </summary>
public sealed class ExperimentGrain(
    [PersistentState("experiment", StorageNames.Grains)] IPersistentState<ExperimentState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<ExperimentGrain> logger) : Grain, IExperimentGrain, IRemindable
{
    public const string AnnounceReminder = "announce";

    private ExperimentState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.View is { } view && S.Announced < view.Version)
        {
            await AnnounceAsync();
        }
    }

    public async Task<ExperimentResult> CreateAsync(ExperimentDefinition definition, string actor)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Id != Id)
        {
            throw new ArgumentException($"The definition names experiment {definition.Id}, not {Id}.", nameof(definition));
        }

        if (S.View is { } known)
        {
            return Same(known.Definition, definition)
                ? Result(ExperimentOutcome.Replayed)
                : Refuse($"Experiment {Id} exists with another definition.");
        }

        await ChangeAsync(new ExperimentView
        {
            Definition = definition, Status = ExperimentStatus.Draft, CreatedAt = clock.GetUtcNow(), CreatedBy = actor, Version = 1,
        });
        return Result(ExperimentOutcome.Applied);
    }

    public async Task<ExperimentResult> StartAsync(string actor)
    {
        if (S.View is not { } view)
        {
            return Unknown();
        }

        if (view.Status == ExperimentStatus.Running)
        {
            return Result(ExperimentOutcome.Replayed);
        }

        if (view.Status == ExperimentStatus.Stopped)
        {
            return Refuse($"Experiment {Id} was stopped at {view.StoppedAt:O}; a stopped experiment does not start again (create a new one).");
        }

        var running = await GrainFactory.ExperimentDirectory().RunningAsync();
        if (ExperimentLayers.Clash(view.Definition, running.Experiments.Select(e => e.Definition)) is { } clash)
        {
            return Refuse(clash);
        }

        await ChangeAsync(view with { Status = ExperimentStatus.Running, StartedAt = clock.GetUtcNow(), StartedBy = actor, Version = view.Version + 1 });
        return Result(ExperimentOutcome.Applied);
    }

    public async Task<ExperimentResult> StopAsync(string actor)
    {
        if (S.View is not { } view)
        {
            return Unknown();
        }

        if (view.Status == ExperimentStatus.Stopped)
        {
            return Result(ExperimentOutcome.Replayed);
        }

        await ChangeAsync(view with { Status = ExperimentStatus.Stopped, StoppedAt = clock.GetUtcNow(), StoppedBy = actor, Version = view.Version + 1 });
        return Result(ExperimentOutcome.Applied);
    }

    public Task<ExperimentView?> GetAsync() => Task.FromResult(S.View);

    public async Task<ExperimentResults?> GetResultsAsync()
    {
        if (S.View is not { StartedAt: not null } view)
        {
            return null;
        }

        // Sessions are the main unit; an experiment changing no session's setting but a shopper's counts shoppers there.
        var kinds = ExperimentLayers.Settings(view.Definition).Select(ExperimentUnitKinds.Of).Distinct().Order(StringComparer.Ordinal).ToList();
        var main = kinds.Contains(ExperimentUnitKinds.Shopper) && !kinds.Contains(ExperimentUnitKinds.Session) ? ExperimentUnitKinds.Shopper : ExperimentUnitKinds.Session;
        var results = ExperimentReport.Of(view.Definition, await TalliesAsync(main), clock.GetUtcNow(), main);
        var others = kinds.Where(u => u != ExperimentUnitKinds.Session && u != main).ToList();
        if (others.Count == 0)
        {
            return results;
        }

        var tallies = await Task.WhenAll(others.Select(async unit => (unit, Tallies: await TalliesAsync(unit))));
        var arms = others.Any(u => !ExperimentUnitKinds.Converts(u))
            ? await Task.WhenAll(view.Definition.Variants.Select((_, i) => GrainFactory.KpiArm(Id, i).GetSinceAsync(view.StartedAt!.Value)))
            : null;
        return ExperimentReport.WithUnits(results, view.Definition, tallies.ToDictionary(u => u.unit, u => u.Tallies, StringComparer.Ordinal), arms);
    }

    /// <summary>Every shard's counts of the experiment's units of one kind.</summary>
    private async Task<IEnumerable<VariantTally>> TalliesAsync(string unit) =>
        (await Task.WhenAll(Enumerable.Range(0, IExperimentTallyGrain.Shards).Select(s => GrainFactory.ExperimentTally(Id, unit, s).GetAsync()))).SelectMany(t => t);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.View is { } view && S.Announced >= view.Version)
        {
            await DropReminderAsync();
            return;
        }

        await AnnounceAsync();
    }

    /// <summary>Writes the new view with the announcement owed (the reminder set first), then announces it.</summary>
    private async Task ChangeAsync(ExperimentView view)
    {
        await this.RegisterOrUpdateReminder(AnnounceReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        S.View = view;
        await state.SaveAsync(this);
        await AnnounceAsync();
    }

    private async Task AnnounceAsync()
    {
        var view = S.View!;
        try
        {
            await GrainFactory.ExperimentDirectory().AnnounceAsync(view);
            S.Announced = view.Version;
            await state.SaveAsync(this);
            await DropReminderAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.AnnounceFailed(ex, Id, view.Version);
        }
    }

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(AnnounceReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Definitions compare by value, lists included (records compare lists by reference).</summary>
    private static bool Same(ExperimentDefinition a, ExperimentDefinition b) =>
        a with { Variants = [], Segments = [], Regions = [], Guardrails = [] } == b with { Variants = [], Segments = [], Regions = [], Guardrails = [] }
        && a.Variants.SequenceEqual(b.Variants)
        && a.Segments.SequenceEqual(b.Segments, StringComparer.Ordinal)
        && a.Regions.SequenceEqual(b.Regions, StringComparer.Ordinal)
        && a.Guardrails.SequenceEqual(b.Guardrails);

    private ExperimentResult Result(ExperimentOutcome outcome) => new() { Outcome = outcome, Experiment = S.View };

    private ExperimentResult Refuse(string detail) => new() { Outcome = ExperimentOutcome.Conflict, Experiment = S.View, Detail = detail };

    private ExperimentResult Unknown() => new() { Outcome = ExperimentOutcome.NotFound, Detail = $"No experiment {Id}." };
}
