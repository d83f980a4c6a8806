using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Orleans.Serialization;
using Orleans.Storage;

using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Kpis;

namespace Tandem.Grains.Kpis;

/// <summary>
/// A shard of the census's cells (see <see cref="IStockRangeGrain"/>). Cells joining together share a write (group commit);
/// a cell already in answers at once. The first cell a shard's activation adds makes sure the census is counting.
/// </summary>
[Reentrant]
public sealed class StockRangeGrain(
    [PersistentState("stock-range", StorageNames.Grains)] IPersistentState<StockRangeState> state,
    DeepCopier<StockRangeState> copier,
    [FromKeyedServices(StorageNames.Grains)] IGrainStorage storage,
    ILogger<StockRangeGrain> logger) : Grain, IStockRangeGrain
{
    private GroupCommit<StockRangeState, string>? _commit;
    private Task? _started;

    private StockRangeState S => _commit!.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commit = new GroupCommit<StockRangeState, string>(state, storage is ICapturesStateOnWrite ? null : copier, this, _ => Task.CompletedTask, logger);
        await _commit.Durable();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _commit!.Drain();

    public async Task AddAsync(string cell)
    {
        var key = CellKey.Parse(cell).ToString();
        if (IStockRangeGrain.ShardOf(key) != this.GetPrimaryKeyLong())
        {
            throw new ArgumentException($"Cell {key} belongs to shard {IStockRangeGrain.ShardOf(key)}, not {this.GetPrimaryKeyLong()}.", nameof(cell)); // a cell in two shards would count twice
        }

        _commit!.ThrowIfFailed();
        if (S.Cells.Contains(key))
        {
            return;
        }

        S.Cells.Add(key);
        var saved = _commit.Changed(null);
        try
        {
            await (_started ??= GrainFactory.StockCensus().StartAsync());
        }
        catch
        {
            _started = null; // the next new cell asks again
            throw;
        }

        await saved;
    }

    public Task<IReadOnlyList<string>> GetAsync() => Task.FromResult<IReadOnlyList<string>>([.. S.Cells]);
}
