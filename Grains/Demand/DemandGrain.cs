using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Demand;

/// <summary>One SKU-location's demand in 15-minute buckets and days; see <see cref="IDemandGrain"/>.</summary>
public sealed class DemandGrain(
    [PersistentState("demand", StorageNames.Grains)] IPersistentState<DemandState> state,
    IDemandFacts facts,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<DemandGrain> logger) : Grain, IDemandGrain
{
    /// <summary>How long an entry's id is remembered (an order's outbox gives up far sooner).</summary>
    public static readonly TimeSpan RememberIds = TimeSpan.FromDays(14);

    private static readonly TimeSpan KeepQuarters = TimeSpan.FromDays(2);

    private static readonly TimeSpan FactsRetry = TimeSpan.FromSeconds(30);

    private IGrainTimer? _factsRetry;

    private DemandState S => state.State;

    private CellKey Key => CellKey.Parse(this.GetPrimaryKeyString());

    public async Task RecordAsync(DemandEntry entry)
    {
        if (entry.Units < 0 || entry.Returned < 0 || entry.Revenue < 0 || string.IsNullOrEmpty(entry.Id))
        {
            throw new ArgumentException("A demand entry has an id and counts nothing negative.", nameof(entry));
        }

        if (!S.Counted.ContainsKey(entry.Id))
        {
            // Counted in memory, then saved; a save that fails takes the count back, so the retry counts it again.
            var now = clock.GetUtcNow();
            S.Counted[entry.Id] = now;
            Add(entry, now, 1);
            S.Version++;
            var owed = S.OwedDays.Add(DateOnly.FromDateTime(entry.At.UtcDateTime));
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                S.Counted.Remove(entry.Id);
                Add(entry, now, -1);
                S.Version--;
                if (owed)
                {
                    S.OwedDays.Remove(DateOnly.FromDateTime(entry.At.UtcDateTime));
                }

                throw;
            }

            await SaveFactsAsync();

            foreach (var old in S.Counted.Where(c => now - c.Value > RememberIds).Select(c => c.Key).ToList())
            {
                S.Counted.Remove(old);
            }
        }

        await GrainFactory.ForecastPlanner().ChangedAsync(Key.ToString());
    }

    public Task<DemandSources> GetSourcesAsync(int max) =>
        Task.FromResult(new DemandSources([.. S.Counted.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(Math.Clamp(max, 0, 1000)).Select(c => c.Key)], S.Counted.Count));

    /// <summary>Seeded days are not announced: the seeder tells the planner once for all its cells.</summary>
    public async Task SeedAsync(IReadOnlyList<DemandDay> days)
    {
        if (S.Days.Count > 0 || days.Count == 0)
        {
            return;
        }

        S.Days = [.. days.Where(d => d.Units > 0 || d.Returned > 0).OrderBy(d => d.Day).TakeLast(IDemandGrain.KeptDays)];
        S.OwedDays.UnionWith(S.Days.Select(d => d.Day));
        S.Version++;
        await state.WriteStateAsync();
        await SaveFactsAsync();
    }

    public Task<DemandTotals> GetTotalsAsync(DateOnly from)
    {
        var (units, returned) = (0L, 0L);
        foreach (var day in S.Days.Where(d => d.Day >= from))
        {
            (units, returned) = (units + day.Units, returned + day.Returned);
        }

        return Task.FromResult(new DemandTotals(units, returned));
    }

    public Task<DemandHistory> GetAsync() => Task.FromResult(new DemandHistory
    {
        Cell = this.GetPrimaryKeyString(),
        Days = [.. S.Days],
        Quarters = [.. S.Quarters],
        Version = S.Version,
    });

    /// <summary>
    /// Hands the owed days' totals to the facts tables (absolute totals: saving them twice is harmless). A failure keeps
    /// them owed and tries again in half a minute in this activation, and with the next count in any other.
    /// </summary>
    private async Task SaveFactsAsync()
    {
        if (S.OwedDays.Count == 0)
        {
            return;
        }

        var owed = S.OwedDays.ToList();
        try
        {
            await facts.SaveDaysAsync(Key, [.. owed.Select(day => S.Days.Find(d => d.Day == day) ?? new DemandDay { Day = day })], CancellationToken.None);
            S.OwedDays.ExceptWith(owed);
            _factsRetry?.Dispose();
            _factsRetry = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.DemandFactsFailed(ex, Key.ToString(), owed.Count);
            _factsRetry ??= this.RegisterGrainTimer(SaveFactsAsync, new GrainTimerCreationOptions(FactsRetry, FactsRetry) { KeepAlive = true });
        }
    }

    private void Add(DemandEntry entry, DateTimeOffset now, int sign)
    {
        var (units, returned, revenue) = (sign * entry.Units, sign * entry.Returned, sign * entry.Revenue);
        var day = DateOnly.FromDateTime(entry.At.UtcDateTime);
        var index = S.Days.FindLastIndex(d => d.Day <= day);
        if (index >= 0 && S.Days[index].Day == day)
        {
            var was = S.Days[index];
            S.Days[index] = was with { Units = was.Units + units, Returned = was.Returned + returned, Revenue = was.Revenue + revenue };
            if (S.Days[index] is { Units: 0, Returned: 0 })
            {
                S.Days.RemoveAt(index);
            }
        }
        else if (sign > 0)
        {
            S.Days.Insert(index + 1, new DemandDay { Day = day, Units = units, Returned = returned, Revenue = revenue });
        }

        if (S.Days.Count > IDemandGrain.KeptDays)
        {
            S.Days.RemoveRange(0, S.Days.Count - IDemandGrain.KeptDays);
        }

        var start = new DateTimeOffset(entry.At.UtcTicks - (entry.At.UtcTicks % TimeSpan.FromMinutes(15).Ticks), TimeSpan.Zero);
        var quarter = S.Quarters.FindLastIndex(q => q.Start <= start);
        if (quarter >= 0 && S.Quarters[quarter].Start == start)
        {
            var was = S.Quarters[quarter];
            S.Quarters[quarter] = was with { Units = was.Units + units, Returned = was.Returned + returned, Revenue = was.Revenue + revenue };
            if (S.Quarters[quarter] is { Units: 0, Returned: 0 })
            {
                S.Quarters.RemoveAt(quarter);
            }
        }
        else if (sign > 0 && now - start <= KeepQuarters)
        {
            S.Quarters.Insert(quarter + 1, new DemandQuarter { Start = start, Units = units, Returned = returned, Revenue = revenue });
        }

        S.Quarters.RemoveAll(q => now - q.Start > KeepQuarters);
    }
}
