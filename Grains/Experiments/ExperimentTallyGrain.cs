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

    public async Task<IReadOnlyList<VariantTally>> GetAsync()
    {
        await _commit!.Durable();
        return [.. S.Units.Values.GroupBy(u => u.Variant).OrderBy(g => g.Key).Select(g => new VariantTally
        {
            Variant = g.Key,
            Exposed = g.Count(),
            Converted = g.Count(u => u.Orders.Count > 0),
            Orders = g.Sum(u => (long)u.Orders.Count),
            Revenue = g.Sum(u => u.Revenue),
            RevenueSquares = g.Sum(u => (double)u.Revenue * (double)u.Revenue),
            OrderSquares = g.Sum(u => (double)u.Orders.Count * u.Orders.Count),
            OrderRevenue = g.Sum(u => u.Orders.Count * (double)u.Revenue),
        })];
    }

    private Task ApplyAsync(TallyEntry entry)
    {
        _commit!.ThrowIfFailed();
        if (string.IsNullOrEmpty(entry.UnitId) || entry.Variant < 0 || entry.Revenue < 0 || IExperimentTallyGrain.ShardOf(entry.UnitId) != _shard)
        {
            throw new ArgumentException($"Unit {entry.UnitId} is not counted by shard {this.GetPrimaryKeyString()}, or its entry is malformed.", nameof(entry));
        }

        return S.Apply(entry) ? _commit.Changed(entry) : _commit.Durable();
    }
}
