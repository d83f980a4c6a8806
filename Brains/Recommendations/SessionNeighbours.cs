namespace Tandem.Brains.Recommendations;

/// <summary>
/// The "session item-kNN on recent views" strategy: each of the session's recent distinct items (<see cref="RecentItems"/>)
/// votes for its neighbours with its recency weight times the neighbour's share of its edge weight.
/// </summary>
public static class SessionNeighbours
{
    public static void Vote(ItemGraph graph, IReadOnlyList<string> recent, Votes votes, double weight, string arm, Func<string, bool>? exclude = null) =>
        Vote(item => graph.Of(item)?.Shares() ?? [], recent, votes, weight, arm, exclude);

    public static void Vote(Neighbours neighbours, IReadOnlyList<string> recent, Votes votes, double weight, string arm, Func<string, bool>? exclude = null)
    {
        foreach (var (source, recency) in RecentItems.Weighted(recent))
        {
            foreach (var (to, share) in neighbours(source))
            {
                if (exclude is null || !exclude(to))
                {
                    votes.Add(to, weight * recency * share, arm, source, share);
                }
            }
        }
    }
}
