using Tandem.Contracts.Recommendations;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Interfaces.Recommendations;

/// <summary>
/// Live recommendations for sessions: strategies (co-view neighbours of what the session viewed, co-purchase
/// neighbours of its cart, what it viewed lately, the scenes and categories its behaviour points to) vote for products,
/// blended by each strategy's weight. One per partition of the session stream (key "0"–"7"); it recomputes a session's
/// picks on every behaviour, cart or order change and publishes them.
/// </summary>
public interface IRecommenderGrain : IGrainWithStringKey
{
    /// <summary>The session's current picks (computed now if the session has none yet), in list order, each with every vote behind it.</summary>
    Task<RecommendationsChanged> GetAsync(SessionId sessionId);

    /// <summary>
    /// The session's list made for <paramref name="version"/> (null: its latest) while this recommender still holds it (its
    /// latest two per session, while active), with every vote behind each pick; null otherwise. Computes nothing.
    /// </summary>
    [ReadOnly]
    Task<RecommendationsChanged?> FindAsync(SessionId sessionId, long? version);

    /// <summary>
    /// Records that the shopper had <paramref name="skus"/> of the session's list made for <paramref name="version"/> on
    /// screen (the impressions the bandit learns from). Skus not in that list are ignored. Returns how many impressions
    /// are now recorded for it, 0 when the list is no longer known, or null when the session is another shopper's.
    /// Idempotent.
    /// </summary>
    Task<int?> ShownAsync(ShopperId shopper, SessionId sessionId, long version, IReadOnlyList<string> skus);
}
