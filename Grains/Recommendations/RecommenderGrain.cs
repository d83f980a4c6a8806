using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Orleans.Streams;
using Orleans.Streams.Core;

using Tandem.Brains.Recommendations;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Recommendations;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// Recomputes a session's picks whenever its behaviour, cart or orders change (implicitly subscribed to its partition of
/// the session stream) and publishes them. Strategies vote (<see cref="Votes"/>): co-view neighbours of the session's
/// recent views and co-purchase neighbours of its cart (from the product graph), the recent views themselves, and the
/// products of the scenes and categories its behaviour points to (<see cref="SceneInterest"/>); each vote counts with its
/// strategy's weight, every vote is kept as the pick's evidence. Neither what is in the cart nor the product viewed last
/// (the page on screen) is picked. Picks are derived data: kept in memory for the
/// sessions seen lately, recomputed from the session grain when asked for one it does not hold.
/// </summary>
[ImplicitStreamSubscription(SessionChanged.StreamNamespace)]
public sealed class RecommenderGrain(
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    ILogger<RecommenderGrain> logger) : Grain, IRecommenderGrain, IStreamSubscriptionObserver
{
    private const int RememberedSessions = 5000;
    private const int ViewsRead = 50;

    private readonly Dictionary<string, RecommendationsChanged> _latest = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private EventPublisher? _events;
    private NeighbourCache? _neighbours;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new EventPublisher(this, logger);
        _neighbours = new NeighbourCache(GrainFactory, clock);
        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<SessionChanged>().ResumeAsync((change, _) => OnSessionAsync(change));

    public async Task<RecommendationsChanged> GetAsync(SessionId sessionId) =>
        _latest.TryGetValue(sessionId.Value, out var known) ? known : await ComputeAsync(sessionId.Value);

    private async Task OnSessionAsync(SessionChanged change)
    {
        var picks = await ComputeAsync(change.SessionId);
        await _events!.PublishAsync(RecommendationsChanged.StreamNamespace, change.SessionId, picks);
    }

    private async Task<RecommendationsChanged> ComputeAsync(string sessionId)
    {
        var session = await GrainFactory.Session(new SessionId(sessionId)).GetAsync();
        var weights = ArmWeights.Equal;
        var views = session.RecentEvents.Where(e => e.Type == BehaviourType.View && !string.IsNullOrEmpty(e.Sku)).Select(e => e.Sku!).TakeLast(ViewsRead).ToList();
        var cart = session.Cart.Select(l => l.Sku).ToList();
        var shown = cart.ToHashSet(StringComparer.Ordinal);
        if (views.Count > 0)
        {
            shown.Add(views[^1]); // the product on screen: a pick of the page the shopper is on helps nobody
        }

        var neighbours = await _neighbours!.GetAsync(RecentItems.Weighted(views).Select(r => r.Item).Concat(cart));
        var catalog = GrainFactory.Catalog();
        var seen = session.RecentEvents.Select(e => e.Sku).Concat(cart).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var products = (await catalog.GetProductsAsync(seen)).ToDictionary(p => p.Sku, StringComparer.Ordinal);

        var votes = new Votes(keepEvidence: true);
        SessionNeighbours.Vote(s => Shares(neighbours, s, n => n.CoView), views, votes, weights[Arm.CoView], Arm.CoView, shown.Contains);
        RecentlyViewed.Vote(views, votes, weights[Arm.RecentlyViewed], shown.Contains);
        CoPurchase.Vote(s => Shares(neighbours, s, n => n.CoPurchase), cart, votes, weights[Arm.CoPurchase], shown.Contains);
        await VoteScenesAsync(session, products, votes, weights[Arm.Scene], shown);

        var best = votes.Best(SceneInterest.MaxPicks * 2);
        var missing = best.Select(b => b.Item).Where(s => !products.ContainsKey(s)).ToList();
        foreach (var product in missing.Count == 0 ? [] : await catalog.GetProductsAsync(missing))
        {
            products[product.Sku] = product;
        }

        var picks = new RecommendationsChanged
        {
            SessionId = sessionId,
            Items = [.. best.Where(b => products.ContainsKey(b.Item)).Take(SceneInterest.MaxPicks).Select(b => Describe(b, products, votes))],
            Version = session.Version,
            At = clock.GetUtcNow(),
            ArmWeights = weights,
            Policy = ArmWeights.EqualPolicy,
        };
        Remember(picks);
        return picks;
    }

    /// <summary>The scene strategy: candidates from the strongest scenes and categories, each voting with its share of the candidates' interest.</summary>
    private async Task VoteScenesAsync(SessionView session, IReadOnlyDictionary<string, Product> products, Votes votes, double weight, ISet<string> shown)
    {
        var interest = SceneInterest.Weigh(session.RecentEvents, session.Cart, products);
        var catalog = GrainFactory.Catalog();
        var candidates = new List<Product>();
        foreach (var key in SceneInterest.Strongest(interest))
        {
            var page = key.StartsWith("category:", StringComparison.Ordinal)
                ? await catalog.SearchAsync(key["category:".Length..], null, 0, 40)
                : await catalog.SearchAsync(null, key, 0, 40);
            candidates.AddRange(page.Items);
        }

        var scored = SceneInterest.Score(interest, candidates, shown).ToList();
        var total = scored.Sum(s => s.Score);
        foreach (var (product, score, because) in scored)
        {
            votes.Add(product.Sku, weight * score / total, Arm.Scene, because, score / total);
        }
    }

    private static IEnumerable<KeyValuePair<string, double>> Shares(
        IReadOnlyDictionary<string, ProductNeighbours> neighbours, string sku, Func<ProductNeighbours, IReadOnlyList<GraphEdge>> relation) =>
        neighbours.TryGetValue(sku, out var n) ? relation(n).Select(e => new KeyValuePair<string, double>(e.To, e.Weight)) : [];

    private static Recommendation Describe(ScoredItem pick, Dictionary<string, Product> products, Votes votes)
    {
        var product = products[pick.Item];
        var fromProduct = pick.Arm != Arm.Scene && pick.Because is not null;
        return new Recommendation
        {
            Sku = product.Sku,
            Name = product.Name,
            Price = product.Price,
            Score = Math.Round(pick.Score, 4),
            Arm = pick.Arm,
            BecauseSku = fromProduct ? pick.Because : null,
            Because = fromProduct ? products.GetValueOrDefault(pick.Because!)?.Name ?? pick.Because! : pick.Because ?? "",
            Evidence = [.. votes.EvidenceFor(pick.Item).Select(e => new RecommendationEvidence
            {
                Arm = e.Arm, From = e.From, Edge = e.Share is { } share ? Math.Round(share, 4) : null, Vote = Math.Round(e.Vote, 4),
            })],
        };
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
