using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Orleans.Serialization;
using Orleans.Storage;

using Tandem.Contracts.Kpis;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Kpis;

namespace Tandem.Grains.Kpis;

/// <summary>
/// A region's or the city's live KPIs (see <see cref="IKpiGrain"/>). Facts are checked and counted in one synchronous step
/// and answered once durable (<see cref="GroupCommit{TState,TEvent}"/>): the outboxes of many orders and sessions share
/// writes. The minutes that changed go to the history table every <see cref="KpiOptions.SaveEvery"/>; a new activation
/// writes all it holds once (the table may have missed the last ones of the activation before).
/// </summary>
[Reentrant]
public sealed class KpiGrain(
    [PersistentState("kpi", StorageNames.Grains)] IPersistentState<KpiState> state,
    DeepCopier<KpiState> copier,
    [FromKeyedServices(StorageNames.Grains)] IGrainStorage storage,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    IKpiFacts facts,
    IOptions<KpiOptions> options,
    ILogger<KpiGrain> logger) : Grain, IKpiGrain
{
    /// <summary>How far ahead of this grain's clock a fact may say it happened (clocks differ a little); later ones count now.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(1);

    private readonly HashSet<long> _unsaved = [];
    private GroupCommit<KpiState, KpiFact>? _commit;
    private IGrainTimer? _saving;

    private KpiState S => _commit!.State;

    private string Region => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commit = new GroupCommit<KpiState, KpiFact>(state, storage is ICapturesStateOnWrite ? null : copier, this, _ => Task.CompletedTask, logger);
        await _commit.Durable();
        if (S.Minutes.Count > 0)
        {
            _unsaved.UnionWith(S.Minutes.Keys);
            ScheduleSave();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _commit!.Drain();
        if (!_commit.Failed)
        {
            await SaveAsync(cancellationToken);
        }
    }

    public Task RecordAsync(IReadOnlyList<KpiFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _commit!.ThrowIfFailed();
        foreach (var fact in facts)
        {
            if (string.IsNullOrEmpty(fact.Id) || fact.Id.Length > 300 || !Enum.IsDefined(fact.Measure) || !double.IsFinite(fact.Value))
            {
                throw new ArgumentException($"KPI fact '{fact.Id}' is malformed.", nameof(facts));
            }
        }

        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var fact in facts)
        {
            var counted = fact.At > now + Skew ? fact with { At = now } : fact;
            if (S.Apply(counted))
            {
                changed = true;
                _unsaved.Add(KpiState.MinuteOf(counted.At));
            }
        }

        if (!changed)
        {
            return _commit.Durable();
        }

        ScheduleSave();
        return _commit.Changed(null);
    }

    public async Task<KpiReport> GetAsync(KpiWindow window)
    {
        if (!Enum.IsDefined(window))
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "Not a KPI window.");
        }

        await _commit!.Durable();
        return KpiIndicators.Report(Region, window, clock.GetUtcNow(), S);
    }

    public async Task<KpiReport> GetSinceAsync(DateTimeOffset from)
    {
        await _commit!.Durable();
        return KpiIndicators.Since(Region, from, clock.GetUtcNow(), S);
    }

    private void ScheduleSave() =>
        _saving ??= this.RegisterGrainTimer(() => SaveAsync(CancellationToken.None), new GrainTimerCreationOptions(options.Value.SaveEvery, options.Value.SaveEvery));

    /// <summary>Writes the minutes changed since the last write (their whole totals); on failure they wait for the next tick.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_unsaved.Count == 0)
        {
            _saving?.Dispose();
            _saving = null;
            return;
        }

        var minutes = _unsaved.ToList();
        _unsaved.Clear();
        var rows = minutes
            .Where(S.Minutes.ContainsKey)
            .SelectMany(m => Enum.GetValues<KpiMeasure>()
                .Where(measure => (int)measure < S.Minutes[m].Counts.Length && S.Minutes[m].Counts[(int)measure] > 0)
                .Select(measure => new KpiMinuteRow(DateTimeOffset.FromUnixTimeMilliseconds(m * 60_000), measure, S.Minutes[m].Counts[(int)measure], S.Minutes[m].Sums[(int)measure])))
            .ToList();
        try
        {
            await facts.SaveMinutesAsync(Region, rows, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.HistoryFailed(ex, Region, minutes.Count);
            _unsaved.UnionWith(minutes);
        }
    }
}
