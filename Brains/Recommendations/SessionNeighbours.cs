namespace Tandem.Brains.Recommendations;

/// <summary>
/// The "session item-kNN on recent views" strategy: each of the session's recent distinct items (<see cref="RecentItems"/>)
/// votes for its graph neighbours with its recency weight times the neighbour's share of its edge weight.
/// </summary>
public static class SessionNeighbours
{
    public static void Vote(ItemGraph graph, IReadOnlyList<string> recent, Votes votes, double weight, string arm, Func<string, bool>? exclude = null)
    {
        foreach (var (source, recency) in RecentItems.Weighted(recent))
        {
            foreach (var (to, share) in graph.Of(source)?.Shares() ?? [])
            {
                if (exclude is null || !exclude(to))
                {
                    votes.Add(to, weight * recency * share, arm, source);
                }
            }
        }
    }
}
