using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Orleans.Streams;
using Orleans.Streams.Core;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Recommendations;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// Recomputes a session's picks whenever its behaviour or cart changes (implicitly subscribed to its partition of
/// the session stream) and publishes them. Picks are derived data: kept in memory for the sessions seen lately,
/// recomputed from the session grain when asked for one it does not hold.
/// </summary>
[ImplicitStreamSubscription(SessionChanged.StreamNamespace)]
public sealed class SceneRecommenderGrain(
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<SceneRecommenderGrain> logger) : Grain, ISceneRecommenderGrain, IStreamSubscriptionObserver
{
    private const int RememberedSessions = 5000;

    private readonly Dictionary<string, RecommendationsChanged> _latest = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private EventPublisher? _events;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new EventPublisher(this, logger);
        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<SessionChanged>().ResumeAsync((change, _) => OnSessionAsync(change));

    public async Task<RecommendationsChanged> GetAsync(SessionId sessionId) =>
        _latest.TryGetValue(sessionId.Value, out var known) ? known : await ComputeAsync(sessionId.Value);

    private async Task OnSessionAsync(SessionChanged change)
    {
        if (change.Kind is not (SessionChangeKind.Behaviour or SessionChangeKind.Cart))
        {
            return;
        }

        var picks = await ComputeAsync(change.SessionId);
        await _events!.PublishAsync(RecommendationsChanged.StreamNamespace, change.SessionId, picks);
    }

    private async Task<RecommendationsChanged> ComputeAsync(string sessionId)
    {
        var session = await GrainFactory.Session(new SessionId(sessionId)).GetAsync();
        var catalog = GrainFactory.Catalog();
        var seen = session.RecentEvents.Select(e => e.Sku).Concat(session.Cart.Select(l => l.Sku)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var products = (await catalog.GetProductsAsync(seen)).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var interest = SceneInterest.Weigh(session.RecentEvents, session.Cart, products);
        var candidates = new List<Product>();
        foreach (var key in SceneInterest.Strongest(interest))
        {
            var page = key.StartsWith("category:", StringComparison.Ordinal)
                ? await catalog.SearchAsync(key["category:".Length..], null, 0, 40)
                : await catalog.SearchAsync(null, key, 0, 40);
            candidates.AddRange(page.Items);
        }

        var picks = new RecommendationsChanged
        {
            SessionId = sessionId,
            Items = SceneInterest.Pick(interest, candidates, session.Cart.Select(l => l.Sku).ToHashSet(StringComparer.Ordinal)),
            Version = session.Version,
            At = clock.GetUtcNow(),
        };
        Remember(picks);
        return picks;
    }

    private void Remember(RecommendationsChanged picks)
    {
        if (!_latest.ContainsKey(picks.SessionId))
        {
            _order.Enqueue(picks.SessionId);
        }

        _latest[picks.SessionId] = picks;
        while (_order.Count > RememberedSessions)
        {
            _latest.Remove(_order.Dequeue());
        }
    }
}
