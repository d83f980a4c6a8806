namespace Tandem.Brains.Recommendations;

/// <summary>
/// Tandem's next-item recommender for a session: the co-view graph's neighbours of the session's recent items
/// (<see cref="SessionNeighbours"/>) and those items themselves (<see cref="RecentlyViewed"/>), weighed equally,
/// topped up with what is popular lately. It learns from every step it is told
/// of, at once: nothing waits for a training run.
/// </summary>
public sealed class SessionRecommender(GraphOptions options)
{
    public ItemGraph Graph { get; } = new(options);

    public Popularity Popular { get; } = new(options.HalfLife);

    /// <summary>Learns one step of a session: <paramref name="next"/> followed <paramref name="before"/> (oldest first).</summary>
    public void Learn(IReadOnlyList<string> before, string next, DateTimeOffset at)
    {
        Graph.ObserveStep(before, next, at);
        Popular.Add(next, at);
    }

    /// <summary>The best <paramref name="count"/> items to show after <paramref name="recent"/> (oldest first), skipping <paramref name="exclude"/>.</summary>
    public IReadOnlyList<ScoredItem> Recommend(IReadOnlyList<string> recent, int count, Func<string, bool>? exclude = null)
    {
        var votes = new Votes();
        SessionNeighbours.Vote(Graph, recent, votes, 1, Arm.CoView, exclude);
        RecentlyViewed.Vote(recent, votes, 1, exclude);
        var picked = votes.Best(count);
        if (picked.Count < count)
        {
            var have = picked.Select(p => p.Item).ToHashSet(StringComparer.Ordinal);
            picked.AddRange(Popular.Top(count - picked.Count, i => have.Contains(i) || (exclude is not null && exclude(i))).Select(i => new ScoredItem(i, 0, Arm.Popular, null)));
        }

        return picked;
    }
}
