using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Orleans.Serialization;
using Orleans.Storage;

using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Experiments;

namespace Tandem.Grains.Experiments;

/// <summary>
/// A shard of an experiment's counts (see <see cref="IExperimentTallyGrain"/>). Entries are checked and applied in one
/// synchronous step and answered once durable (<see cref="GroupCommit{TState,TEvent}"/>): concurrent sessions share writes.
/// </summary>
[Reentrant]
public sealed class ExperimentTallyGrain(
    [PersistentState("experiment-tally", StorageNames.Grains)] IPersistentState<ExperimentTallyState> state,
    DeepCopier<ExperimentTallyState> copier,
    [FromKeyedServices(StorageNames.Grains)] IGrainStorage storage,
    ILogger<ExperimentTallyGrain> logger) : Grain, IExperimentTallyGrain
{
    private GroupCommit<ExperimentTallyState, TallyEntry>? _commit;
    private int _shard;

    private ExperimentTallyState S => _commit!.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _shard = int.Parse(key.AsSpan(key.LastIndexOf('/') + 1), System.Globalization.CultureInfo.InvariantCulture);
        _commit = new GroupCommit<ExperimentTallyState, TallyEntry>(state, storage is ICapturesStateOnWrite ? null : copier, this, _ => Task.CompletedTask, logger);
        await _commit.Durable();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _commit!.Drain();

    public Task ExposeAsync(TallyEntry exposure) => ApplyAsync(exposure with { OrderId = null, Revenue = 0 });

    public Task ConvertAsync(TallyEntry conversion) =>
        conversion.OrderId is null ? throw new ArgumentException("A conversion names its order.", nameof(conversion)) : ApplyAsync(conversion);

    public Task ObserveAsync(IReadOnlyList<TallyEntry> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        _commit!.ThrowIfFailed();
        foreach (var observation in observations)
        {
            Check(observation);
            if (observation.Minute is null || observation.OrderId is not null || observation.Revenue is not (0m or 1m))
            {
                throw new ArgumentException($"An observation of {observation.UnitId} names its census minute, no order, and is worth 0 or 1.", nameof(observations));
            }
        }

        var changed = false;
        foreach (var observation in observations)
        {
            changed |= S.Apply(observation);
        }

        return changed ? _commit.Changed(null) : _commit.Durable();
    }

    public async Task<IReadOnlyList<VariantTally>> GetAsync()
    {
        await _commit!.Durable();
        return [.. S.Units.Values.GroupBy(u => u.Variant).OrderBy(g => g.Key).Select(g => new VariantTally
        {
            Variant = g.Key,
            Exposed = g.Count(),
            Converted = g.Count(u => u.Events > 0),
            Orders = g.Sum(u => u.Events),
            Revenue = g.Sum(u => u.Revenue),
            RevenueSquares = g.Sum(u => (double)u.Revenue * (double)u.Revenue),
            OrderSquares = g.Sum(u => (double)u.Events * u.Events),
            OrderRevenue = g.Sum(u => u.Events * (double)u.Revenue),
        })];
    }

    private Task ApplyAsync(TallyEntry entry)
    {
        _commit!.ThrowIfFailed();
        Check(entry);
        return S.Apply(entry with { Minute = null }) ? _commit.Changed(entry) : _commit.Durable();
    }

    private void Check(TallyEntry entry)
    {
        if (string.IsNullOrEmpty(entry.UnitId) || entry.Variant < 0 || entry.Revenue < 0 || IExperimentTallyGrain.ShardOf(entry.UnitId) != _shard)
        {
            throw new ArgumentException($"Unit {entry.UnitId} is not counted by shard {this.GetPrimaryKeyString()}, or its entry is malformed.", nameof(entry));
        }
    }
}
