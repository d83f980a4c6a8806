using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Demand;

namespace Tandem.Grains.Demand;

/// <summary>
/// A cell's demand: its days, its last two days' 15-minute buckets, the ids it counted lately and the days the facts
/// tables still lack. Every change is a <see cref="DemandChange"/> applied by <see cref="JournaledState{TChange}.Apply"/>,
/// so a journaling storage writes only the changes: counting an entry costs the entry, not the cell's whole history.
/// </summary>
[GenerateSerializer, Alias("tandem.demand-state")]
public sealed class DemandState : JournaledState<DemandChange>
{
    /// <summary>How long an entry's id is remembered (an order's outbox gives up far sooner).</summary>
    public static readonly TimeSpan RememberIds = TimeSpan.FromDays(14);

    /// <summary>How often, at most, the ids older than <see cref="RememberIds"/> are looked for and forgotten.</summary>
    public static readonly TimeSpan ForgetEvery = TimeSpan.FromHours(1);

    private static readonly TimeSpan KeepQuarters = TimeSpan.FromDays(2);

    /// <summary>Days with sales or returns, oldest first.</summary>
    [Id(0)] public List<DemandDay> Days { get; set; } = [];

    /// <summary>The last two days' 15-minute buckets, oldest first.</summary>
    [Id(1)] public List<DemandQuarter> Quarters { get; set; } = [];

    /// <summary>Ids of entries counted in the last <see cref="RememberIds"/> (a retried entry is older than that never), with when each was counted.</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> Counted { get; set; } = new(StringComparer.Ordinal);

    [Id(3)] public long Version { get; set; }

    /// <summary>Days whose totals the facts tables have not acknowledged yet (owed from the count that changed them).</summary>
    [Id(4)] public HashSet<DateOnly> OwedDays { get; set; } = [];

    /// <summary>When ids were last looked for to forget.</summary>
    [Id(5)] public DateTimeOffset ForgotAt { get; set; }

    /// <summary>Each day owed, with its totals now (a day no longer kept: zeros).</summary>
    public List<DemandDay> Owed() => [.. OwedDays.Order().Select(day => Days.Find(d => d.Day == day) ?? new DemandDay { Day = day })];

    protected override bool Evolve(DemandChange change) => change switch
    {
        { Entry: { } entry } => Count(entry, change.At),
        { Seeded: { } days } => Seed(days),
        { Saved: { } saved } => Acknowledge(saved),
        _ => false,
    };

    private bool Count(DemandEntry entry, DateTimeOffset now)
    {
        if (!Counted.TryAdd(entry.Id, now))
        {
            return false;
        }

        Add(entry, now);
        OwedDays.Add(DateOnly.FromDateTime(entry.At.UtcDateTime));
        Version++;
        if (now - ForgotAt >= ForgetEvery)
        {
            foreach (var old in Counted.Where(c => now - c.Value > RememberIds).Select(c => c.Key).ToList())
            {
                Counted.Remove(old);
            }

            ForgotAt = now;
        }

        return true;
    }

    private bool Seed(IReadOnlyList<DemandDay> days)
    {
        if (Days.Count > 0 || days.Count == 0)
        {
            return false;
        }

        Days = [.. days.Where(d => d.Units > 0 || d.Returned > 0).OrderBy(d => d.Day).TakeLast(IDemandGrain.KeptDays)];
        OwedDays.UnionWith(Days.Select(d => d.Day));
        Version++;
        return true;
    }

    /// <summary>Each saved day is owed no more if its totals are still those saved; one counted into since stays owed.</summary>
    private bool Acknowledge(IReadOnlyList<DemandDay> saved)
    {
        var changed = false;
        foreach (var day in saved)
        {
            if (OwedDays.Contains(day.Day) && (Days.Find(d => d.Day == day.Day) ?? new DemandDay { Day = day.Day }) == day)
            {
                changed |= OwedDays.Remove(day.Day);
            }
        }

        return changed;
    }

    private void Add(DemandEntry entry, DateTimeOffset now)
    {
        var (units, returned, revenue) = (entry.Units, entry.Returned, entry.Revenue);
        var day = DateOnly.FromDateTime(entry.At.UtcDateTime);
        var index = Days.FindLastIndex(d => d.Day <= day);
        if (index >= 0 && Days[index].Day == day)
        {
            var was = Days[index];
            Days[index] = was with { Units = was.Units + units, Returned = was.Returned + returned, Revenue = was.Revenue + revenue };
        }
        else
        {
            Days.Insert(index + 1, new DemandDay { Day = day, Units = units, Returned = returned, Revenue = revenue });
        }

        if (Days.Count > IDemandGrain.KeptDays)
        {
            Days.RemoveRange(0, Days.Count - IDemandGrain.KeptDays);
        }

        var start = new DateTimeOffset(entry.At.UtcTicks - (entry.At.UtcTicks % TimeSpan.FromMinutes(15).Ticks), TimeSpan.Zero);
        var quarter = Quarters.FindLastIndex(q => q.Start <= start);
        if (quarter >= 0 && Quarters[quarter].Start == start)
        {
            var was = Quarters[quarter];
            Quarters[quarter] = was with { Units = was.Units + units, Returned = was.Returned + returned, Revenue = was.Revenue + revenue };
        }
        else if (now - start <= KeepQuarters)
        {
            Quarters.Insert(quarter + 1, new DemandQuarter { Start = start, Units = units, Returned = returned, Revenue = revenue });
        }

        if (Quarters.Count > 0 && now - Quarters[0].Start > KeepQuarters)
        {
            Quarters.RemoveAll(q => now - q.Start > KeepQuarters);
        }
    }
}
