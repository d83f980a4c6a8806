using Tandem.Contracts.Recommendations;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Interfaces.Recommendations;

/// <summary>
/// Live recommendations from behaviour: what a session looks at, for how long, what it puts in the cart weigh its
/// scenes and categories; products of the strongest ones come first. One per partition of the session stream
/// (key "0"–"7"); it recomputes a session's picks on every behaviour or cart change and publishes them.
/// </summary>
public interface ISceneRecommenderGrain : IGrainWithStringKey
{
    /// <summary>The session's current picks (computed now if the session has none yet), best first.</summary>
    Task<RecommendationsChanged> GetAsync(SessionId sessionId);
}
