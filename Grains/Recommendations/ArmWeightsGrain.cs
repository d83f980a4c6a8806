using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Orleans.Serialization;
using Orleans.Storage;

using Tandem.Brains.Recommendations;
using Tandem.Contracts.Recommendations;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// A segment's bandit record. Rewards are checked and applied in one synchronous step and answered once durable
/// (<see cref="GroupCommit{TState,TEvent}"/>); the new record goes out on the weights stream at most every
/// <see cref="AnnounceEvery"/>, to every session-stream partition, so each recommender hears it.
/// </summary>
[Reentrant]
public sealed class ArmWeightsGrain(
    [PersistentState("arm-weights", StorageNames.Grains)] IPersistentState<ArmWeightsState> state,
    DeepCopier<ArmWeightsState> copier,
    [FromKeyedServices(StorageNames.Grains)] IGrainStorage storage,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<ArmWeightsGrain> logger) : Grain, IArmWeightsGrain
{
    public static readonly TimeSpan AnnounceEvery = TimeSpan.FromSeconds(1);

    private GroupCommit<ArmWeightsState, ArmReward>? _commit;
    private EventPublisher? _events;
    private long _announced;

    private ArmWeightsState S => _commit!.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new EventPublisher(this, logger);
        _commit = new GroupCommit<ArmWeightsState, ArmReward>(state, storage is ICapturesStateOnWrite ? null : copier, this, _ => Task.CompletedTask, logger);
        _announced = state.State.Version;
        this.RegisterGrainTimer(AnnounceAsync, new GrainTimerCreationOptions(AnnounceEvery, AnnounceEvery) { KeepAlive = false });
        await _commit.Durable();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _commit!.Drain();

    public Task RewardAsync(ArmReward reward)
    {
        _commit!.ThrowIfFailed();
        if (string.IsNullOrWhiteSpace(reward.Id) || !Arms.Known.Contains(reward.Arm))
        {
            throw new ArgumentException($"Reward {reward.Id} names no known strategy ({reward.Arm}).", nameof(reward));
        }

        return S.Apply(reward) ? _commit.Changed(reward) : _commit.Durable();
    }

    public async Task<ArmWeightsChanged> GetAsync()
    {
        await _commit!.Durable();
        return View();
    }

    private ArmWeightsChanged View()
    {
        var now = clock.GetUtcNow();
        var posteriors = S.Posteriors(now);
        return new ArmWeightsChanged
        {
            Segment = this.GetPrimaryKeyString(),
            Arms = [.. Arms.Known.Order(StringComparer.Ordinal).Select(arm =>
            {
                var posterior = posteriors.GetValueOrDefault(arm, new ArmPosterior(0, 0, now));
                return new ArmStats { Arm = arm, Clicks = Math.Round(posterior.Clicks, 3), Misses = Math.Round(posterior.Misses, 3), Mean = Math.Round(posterior.Mean, 4) };
            })],
            Version = S.Version,
            At = now,
        };
    }

    private async Task AnnounceAsync()
    {
        if (_commit!.Failed || S.Version == _announced)
        {
            return;
        }

        await _commit.Durable();
        var view = View();
        _announced = view.Version;
        await _events!.PublishToAllAsync(ArmWeightsChanged.StreamNamespace, view.Segment, view);
    }
}
