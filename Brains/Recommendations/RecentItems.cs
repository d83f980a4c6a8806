namespace Tandem.Brains.Recommendations;

/// <summary>A session's last few distinct items, latest first, each with its recency weight: 1 for the latest, 1/2 for the one before, and so on.</summary>
public static class RecentItems
{
    public const int LookBack = 10;

    public static IEnumerable<(string Item, double Weight)> Weighted(IReadOnlyList<string> recent)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = recent.Count - 1; i >= 0 && seen.Count < LookBack; i--)
        {
            if (seen.Add(recent[i]))
            {
                yield return (recent[i], 1.0 / seen.Count);
            }
        }
    }
}
