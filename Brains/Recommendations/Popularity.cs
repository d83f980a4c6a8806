namespace Tandem.Brains.Recommendations;

/// <summary>How often each item was seen lately (counts halve every half-life), and the most popular items.</summary>
public sealed class Popularity(TimeSpan halfLife)
{
    private readonly Adjacency _counts = new(halfLife, int.MaxValue / 4, DateTimeOffset.UnixEpoch);
    private List<string>? _top;

    /// <summary>Counts one sighting of <paramref name="item"/> at <paramref name="at"/>.</summary>
    public void Add(string item, DateTimeOffset at)
    {
        _counts.Add(item, 1, at);
        _top = null;
    }

    /// <summary>The item's share of all sightings.</summary>
    public double Share(string item) => _counts.Share(item);

    /// <summary>The <paramref name="count"/> most popular items (most first, ties by id), skipping <paramref name="exclude"/>.</summary>
    public IEnumerable<string> Top(int count, Func<string, bool>? exclude = null)
    {
        _top ??= Ranking.Best(_counts.Shares(), Math.Max(count, 100)).Select(p => p.Key).ToList();
        var picked = _top.Where(i => exclude is null || !exclude(i)).Take(count).ToList();
        if (picked.Count == count || _top.Count < Math.Max(count, 100))
        {
            return picked;
        }

        // Exclusions ate into the remembered top: rank them all.
        return Ranking.Best(_counts.Shares().Where(p => exclude is null || !exclude(p.Key)), count).Select(p => p.Key);
    }
}
