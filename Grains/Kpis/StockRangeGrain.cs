using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Orleans.Serialization;
using Orleans.Storage;

using Tandem.Contracts.Experiments;
using Tandem.Grains.Experiments;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Kpis;

namespace Tandem.Grains.Kpis;

/// <summary>
/// A shard of the census's cells (see <see cref="IStockRangeGrain"/>). Cells joining together share a write (group commit);
/// a cell already in answers at once. The first cell a shard's activation adds makes sure the census is counting. A
/// census's reading of the cells of a service-level experiment is told to its tally (one call per tally shard), so each
/// exposed cell's in-stock share is read clustered by cell.
/// </summary>
[Reentrant]
public sealed class StockRangeGrain(
    [PersistentState("stock-range", StorageNames.Grains)] IPersistentState<StockRangeState> state,
    DeepCopier<StockRangeState> copier,
    [FromKeyedServices(StorageNames.Grains)] IGrainStorage storage,
    ILogger<StockRangeGrain> logger) : Grain, IStockRangeGrain
{
    /// <summary>Cells a shard reads at once (the 64 shards read side by side).</summary>
    private const int ReadBatch = 64;

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

    public async Task<StockShardCount> CountAsync(StockReading reading)
    {
        var cells = S.Cells.Select(CellKey.Parse).Where(k => reading.RegionOf.ContainsKey(k.LocationId)).ToList(); // taken now: cells joining later are in the next census
        var regions = new SortedDictionary<string, StockTally>(StringComparer.Ordinal);
        var arms = new Dictionary<(string ExperimentId, int Variant), StockTally>();
        var minute = KpiState.MinuteOf(reading.At);
        var observations = new Dictionary<(string ExperimentId, int Shard), List<TallyEntry>>();
        foreach (var batch in cells.Chunk(ReadBatch))
        {
            var read = await Task.WhenAll(batch.Select(k => GrainFactory.Cell(k).GetSnapshotAsync()));
            for (var i = 0; i < batch.Length; i++)
            {
                var region = reading.RegionOf[batch[i].LocationId];
                var unit = reading.ByCell.Count == 0 ? "" : batch[i].ToString(); // named only when an experiment assigns cells
                StockTally.Of(regions, region).Add(read[i].OnHand, read[i].Available);
                foreach (var experiment in reading.ByCell)
                {
                    if (ExperimentUnits.AssignSupply(experiment, unit, region) is var variant and >= 0)
                    {
                        StockTally.Of(arms, (experiment.Definition.Id, variant)).Add(read[i].OnHand, read[i].Available);
                        var key = (experiment.Definition.Id, IExperimentTallyGrain.ShardOf(unit));
                        (observations.TryGetValue(key, out var told) ? told : observations[key] = []).Add(
                            new TallyEntry { UnitId = unit, Variant = variant, At = reading.At, Minute = minute, Revenue = read[i].Available > 0 ? 1 : 0 });
                    }
                }
            }
        }

        await Task.WhenAll(observations.Select(o => ObserveAsync(o.Key.ExperimentId, o.Key.Shard, o.Value, minute)));
        return new StockShardCount
        {
            Regions = [.. regions.Select(r => r.Value.Count(r.Key))],
            Arms = [.. arms.Select(a => new StockArmCount(a.Key.ExperimentId, a.Key.Variant, a.Value.Count(IKpiGrain.ArmKey(a.Key.ExperimentId, a.Key.Variant))))],
        };
    }

    /// <summary>
    /// Tells a tally shard what this census read of its cells. A failure leaves this census out of their observations (a
    /// cell's outcome is the share of the censuses that reached its tally) and does not fail the census's counts.
    /// </summary>
    private async Task ObserveAsync(string experimentId, int shard, List<TallyEntry> observations, long minute)
    {
        try
        {
            await GrainFactory.ExperimentTally(experimentId, ExperimentUnitKinds.Cell, shard).ObserveAsync(observations);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.CellObservationsFailed(ex, this.GetPrimaryKeyLong(), experimentId, minute);
        }
    }
}
