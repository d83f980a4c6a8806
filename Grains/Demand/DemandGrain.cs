using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Orleans.Serialization;
using Orleans.Storage;

using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Demand;

/// <summary>
/// One SKU-location's demand in 15-minute buckets and days; see <see cref="IDemandGrain"/>. An entry is counted in one
/// synchronous step and answered once durable (<see cref="GroupCommit{TState,TEvent}"/>): the order outboxes of a hot
/// cell share writes, and each write carries only the entries counted since the last (<see cref="DemandState"/> is
/// journaled). The owed days' totals go to the facts tables after the count, one save at a time.
/// </summary>
[Reentrant]
public sealed class DemandGrain(
    [PersistentState("demand", StorageNames.Grains)] IPersistentState<DemandState> state,
    DeepCopier<DemandState> copier,
    [FromKeyedServices(StorageNames.Grains)] IGrainStorage storage,
    IDemandFacts facts,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<DemandGrain> logger) : Grain, IDemandGrain
{
    private static readonly TimeSpan FactsRetry = TimeSpan.FromSeconds(30);

    private GroupCommit<DemandState, DemandChange>? _commit;
    private IGrainTimer? _factsRetry;
    private Task _saving = Task.CompletedTask;
    private bool _saveAgain;

    private DemandState S => _commit!.State;

    private CellKey Key => CellKey.Parse(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commit = new GroupCommit<DemandState, DemandChange>(state, storage is ICapturesStateOnWrite ? null : copier, this, _ => Task.CompletedTask, logger);
        await _commit.Durable();
        if (S.OwedDays.Count > 0)
        {
            SaveFactsSoon(); // what the activation before could not hand over
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _saving;
        await _commit!.Drain();
    }

    public async Task RecordAsync(DemandEntry entry)
    {
        if (entry.Units < 0 || entry.Returned < 0 || entry.Revenue < 0 || string.IsNullOrEmpty(entry.Id))
        {
            throw new ArgumentException("A demand entry has an id and counts nothing negative.", nameof(entry));
        }

        _commit!.ThrowIfFailed();
        if (S.Apply(new DemandChange { Entry = entry, At = clock.GetUtcNow() }))
        {
            await _commit.Changed(null);
            SaveFactsSoon();
        }
        else
        {
            await _commit.Durable(); // told again: answered once the first telling is durable
        }

        await GrainFactory.ForecastPlanner().ChangedAsync(Key.ToString());
    }

    public async Task<DemandSources> GetSourcesAsync(int max)
    {
        await _commit!.Durable();
        return new DemandSources([.. S.Counted.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(Math.Clamp(max, 0, 1000)).Select(c => c.Key)], S.Counted.Count);
    }

    /// <summary>Seeded days are not announced: the seeder tells the planner once for all its cells.</summary>
    public async Task SeedAsync(IReadOnlyList<DemandDay> days)
    {
        _commit!.ThrowIfFailed();
        if (!S.Apply(new DemandChange { Seeded = days, At = clock.GetUtcNow() }))
        {
            await _commit.Durable();
            return;
        }

        await _commit.Changed(null);
        SaveFactsSoon();
    }

    public async Task<DemandTotals> GetTotalsAsync(DateOnly from)
    {
        await _commit!.Durable();
        var (units, returned) = (0L, 0L);
        foreach (var day in S.Days.Where(d => d.Day >= from))
        {
            (units, returned) = (units + day.Units, returned + day.Returned);
        }

        return new DemandTotals(units, returned);
    }

    public async Task<DemandHistory> GetAsync()
    {
        await _commit!.Durable();
        return new DemandHistory
        {
            Cell = this.GetPrimaryKeyString(),
            Days = [.. S.Days],
            Quarters = [.. S.Quarters],
            Version = S.Version,
        };
    }

    /// <summary>Starts handing the owed days over unless a hand-over is under way, which then goes round once more.</summary>
    private void SaveFactsSoon()
    {
        if (!_saving.IsCompleted)
        {
            _saveAgain = true;
            return;
        }

        _saving = SaveFactsAsync();
    }

    /// <summary>
    /// Hands the owed days' totals to the facts tables (absolute totals: saving them twice is harmless), and records
    /// which totals were taken: a day counted into meanwhile stays owed. A failure keeps them owed and tries again in half
    /// a minute in this activation, and with the next count or activation in any other.
    /// </summary>
    private async Task SaveFactsAsync()
    {
        do
        {
            _saveAgain = false;
            if (S.OwedDays.Count == 0 || _commit!.Failed)
            {
                return;
            }

            var owed = S.Owed();
            try
            {
                await facts.SaveDaysAsync(Key, owed, CancellationToken.None);
                _factsRetry?.Dispose();
                _factsRetry = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.DemandFactsFailed(ex, Key.ToString(), owed.Count);
                _factsRetry ??= this.RegisterGrainTimer(() => { SaveFactsSoon(); return _saving; }, new GrainTimerCreationOptions(FactsRetry, FactsRetry) { KeepAlive = true });
                return;
            }

            // Recorded, not written now: the next count's write carries it (until then a new activation hands the days over
            // again, harmlessly), so a cell counted one entry at a time writes once per entry, not twice.
            S.Apply(new DemandChange { Saved = owed, At = clock.GetUtcNow() });
        }
        while (_saveAgain);
    }
}
