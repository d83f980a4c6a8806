namespace Tandem.Grains.Infrastructure;

/// <summary>
/// The due times of a storage kept in memory, ordered as <see cref="IDueStates.DueAsync"/> answers them (due time, then
/// grain id), so a page is found in the time of its own length instead of a look at every state. A storage tells it each
/// write that moves a state's due time (<see cref="Moved"/>) once the write landed. Writes of one state can land in one
/// order and tell in another; an entry the stored row no longer holds is dropped when a page meets it.
/// </summary>
public sealed class DueIndex
{
    private readonly Dictionary<string, SortedSet<DueGrain>> _byState = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Entries held, stale ones included.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byState.Values.Sum(s => s.Count);
            }
        }
    }

    /// <summary>
    /// A write of <paramref name="grain"/>'s state <paramref name="stateName"/> moved its due time from
    /// <paramref name="from"/> to <paramref name="to"/>. <paramref name="stillStored"/> says whether that write is still the
    /// stored one: when a later write replaced it, the later write's own call keeps the index, and this one changes nothing.
    /// </summary>
    public void Moved(string stateName, GrainId grain, DateTimeOffset? from, DateTimeOffset? to, Func<bool> stillStored)
    {
        if (from == to)
        {
            return;
        }

        lock (_lock)
        {
            if (!stillStored())
            {
                return;
            }

            if (from is { } old && _byState.TryGetValue(stateName, out var held))
            {
                held.Remove(new DueGrain(grain, old));
            }

            if (to is { } due)
            {
                if (!_byState.TryGetValue(stateName, out var set))
                {
                    _byState[stateName] = set = new SortedSet<DueGrain>(DueGrainOrder.Instance);
                }

                set.Add(new DueGrain(grain, due));
            }
        }
    }

    /// <summary>
    /// Up to <paramref name="limit"/> grains of <paramref name="stateName"/> due at or before <paramref name="now"/>,
    /// after <paramref name="after"/>; <paramref name="stored"/> gives a grain's stored due time, and entries that differ
    /// from it are dropped.
    /// </summary>
    public IReadOnlyList<DueGrain> Page(string stateName, DateTimeOffset now, int limit, DueGrain? after, Func<GrainId, DateTimeOffset?> stored)
    {
        var page = new List<DueGrain>(Math.Min(limit, 1024));
        lock (_lock)
        {
            if (!_byState.TryGetValue(stateName, out var set) || set.Count == 0
                || (after is { } last && DueGrainOrder.Instance.Compare(last, set.Max) >= 0))
            {
                return page;
            }

            var from = after ?? set.Min;
            var stale = new List<DueGrain>();
            foreach (var entry in set.GetViewBetween(from, set.Max))
            {
                if (entry.DueAt > now || page.Count == limit)
                {
                    break;
                }

                if (after is { } previous && entry == previous)
                {
                    continue;
                }

                if (stored(entry.Grain) == entry.DueAt)
                {
                    page.Add(entry);
                }
                else
                {
                    stale.Add(entry);
                }
            }

            foreach (var entry in stale)
            {
                set.Remove(entry);
            }
        }

        return page;
    }

    private sealed class DueGrainOrder : IComparer<DueGrain>
    {
        public static readonly DueGrainOrder Instance = new();

        public int Compare(DueGrain x, DueGrain y)
        {
            var byTime = x.DueAt.CompareTo(y.DueAt);
            return byTime != 0 ? byTime : x.Grain.CompareTo(y.Grain);
        }
    }
}
