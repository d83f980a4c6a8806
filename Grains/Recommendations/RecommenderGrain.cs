using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Orleans.Streams;
using Orleans.Streams.Core;

using Tandem.Brains.Recommendations;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Experiments;
using Tandem.Contracts.Recommendations;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Experiments;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// Recomputes a session's picks whenever its behaviour, cart or orders change (implicitly subscribed to its partition of
/// the session stream) and publishes them. Strategies vote (<see cref="Votes"/>): co-view neighbours of the session's
/// recent views and co-purchase neighbours of its cart (from the product graph), the recent views themselves, the
/// products of the scenes and categories its behaviour points to (<see cref="SceneInterest"/>), and the most viewed and
/// bought lately in its two strongest categories (their nodes in the graph, <see cref="CategoryNode"/>), and the promoted
/// products that fit it best (<see cref="PromotedItems"/>). What the shopper viewed and bought on earlier visits (their
/// node in the graph, <see cref="ShopperNode"/>) counts for half in the recent-views and co-purchase strategies. Each strategy ranks its
/// candidates, and the bandit fills the list slot by slot (<see cref="BanditBlend"/>: Thompson sampling over the
/// segment's records, the propensity kept); every vote is kept as the pick's evidence. Neither what is in the cart nor
/// the product viewed last (the page on screen) is picked. A running experiment on the strategy may make a session's list
/// another way (<see cref="StrategyForAsync"/>). Picks are derived data: kept in memory for the sessions seen lately,
/// recomputed from the session grain when asked for one it does not hold.
/// </summary>
[ImplicitStreamSubscription(SessionChanged.StreamNamespace)]
[ImplicitStreamSubscription(ArmWeightsChanged.StreamNamespace)]
public sealed class RecommenderGrain(
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock,
    LiveExperiments experiments,
    ILogger<RecommenderGrain> logger) : Grain, IRecommenderGrain, IStreamSubscriptionObserver
{
    private const int RememberedSessions = 5000;
    private const int ViewsRead = 50;
    private const int ReRankAtMost = 50;
    private const int PopularCategories = 2;
    private const int BoughtSeeds = 5;
    private const double EarlierVisits = 0.5;
    private const double ReRankAfter = 0.02;
    private static readonly TimeSpan ReRankWithin = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, RecommendationsChanged> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RecommendationsChanged> _previous = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Version, Propensities Propensities)> _propensities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, double>> _reRankedAt = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private EventPublisher? _events;
    private NeighbourCache? _neighbours;
    private WeightsCache? _weights;
    private SceneCache? _scenes;
    private PromotionsCache? _promotions;
    private readonly Dictionary<string, HashSet<string>> _exposed = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new EventPublisher(this, logger);
        _neighbours = new NeighbourCache(GrainFactory, clock);
        _weights = new WeightsCache(GrainFactory, clock);
        _scenes = new SceneCache(GrainFactory, clock);
        _promotions = new PromotionsCache(GrainFactory, clock);
        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        if (handleFactory.StreamId.GetNamespace() == ArmWeightsChanged.StreamNamespace)
        {
            await handleFactory.Create<ArmWeightsChanged>().ResumeAsync((change, _) => OnWeightsAsync(change));
        }
        else
        {
            await handleFactory.Create<SessionChanged>().ResumeAsync((change, _) => OnSessionAsync(change));
        }
    }

    public async Task<int?> ShownAsync(ShopperId shopper, SessionId sessionId, long version, IReadOnlyList<string> skus)
    {
        var list = new[] { _latest.GetValueOrDefault(sessionId.Value), _previous.GetValueOrDefault(sessionId.Value) }.FirstOrDefault(l => l?.Version == version);
        var shown = list is null ? [] : list.Items
            .Select((item, position) => (item, position))
            .Where(p => skus.Contains(p.item.Sku, StringComparer.Ordinal))
            .Select(p => new ShownPick { Version = version, Sku = p.item.Sku, Position = p.position, Arm = p.item.Arm, Segment = list.Segment, Propensity = p.item.Propensity })
            .ToList();
        return await GrainFactory.Session(sessionId).RecordImpressionsAsync(shopper, shown);
    }

    /// <summary>
    /// A segment's record changed: remember it and, when a strategy's weight moved by <see cref="ReRankAfter"/> or more
    /// since the last re-rank, re-rank the sessions of that segment whose lists were made in the last
    /// <see cref="ReRankWithin"/> (at most <see cref="ReRankAtMost"/>, the latest first), publishing the new lists.
    /// </summary>
    private async Task OnWeightsAsync(ArmWeightsChanged change)
    {
        if (!_weights!.Heard(change))
        {
            return;
        }

        var means = change.Arms.ToDictionary(a => a.Arm, a => a.Mean, StringComparer.Ordinal);
        if (_reRankedAt.TryGetValue(change.Segment, out var before) && means.All(m => Math.Abs(m.Value - before.GetValueOrDefault(m.Key, 0.5)) < ReRankAfter))
        {
            return;
        }

        _reRankedAt[change.Segment] = means;

        var since = clock.GetUtcNow() - ReRankWithin;
        foreach (var sessionId in _latest.Values.Where(l => l.Segment == change.Segment && l.At >= since).OrderByDescending(l => l.At).Take(ReRankAtMost).Select(l => l.SessionId).ToList())
        {
            await OnSessionAsync(sessionId);
        }
    }

    public async Task<RecommendationsChanged> GetAsync(SessionId sessionId) =>
        _latest.TryGetValue(sessionId.Value, out var known) ? known : await ComputeAsync(sessionId.Value);

    public Task<RecommendationsChanged?> FindAsync(SessionId sessionId, long? version) =>
        Task.FromResult(new[] { _latest.GetValueOrDefault(sessionId.Value), _previous.GetValueOrDefault(sessionId.Value) }
            .FirstOrDefault(l => l is not null && (version is null || l.Version == version)));

    private Task OnSessionAsync(SessionChanged change) => OnSessionAsync(change.SessionId);

    /// <summary>Publishes the session's new list for its screens: what they show, without the votes behind each pick (those are read with the list).</summary>
    private async Task OnSessionAsync(string sessionId)
    {
        var picks = await ComputeAsync(sessionId);
        await _events!.PublishAsync(RecommendationsChanged.StreamNamespace, sessionId, picks with { Items = [.. picks.Items.Select(i => i with { Evidence = [] })] });
    }

    private async Task<RecommendationsChanged> ComputeAsync(string sessionId)
    {
        var session = await GrainFactory.Session(new SessionId(sessionId)).GetAsync();
        var segment = session.Cart.Count > 0 ? Segments.Cart : Segments.Browse;
        var record = await _weights!.GetAsync(segment);
        var (strategy, variants) = await StrategyForAsync(sessionId, segment, session.Region, session.ChangedAt);
        var views = session.RecentEvents.Where(e => e.Type == BehaviourType.View && !string.IsNullOrEmpty(e.Sku)).Select(e => e.Sku!).TakeLast(ViewsRead).ToList();
        var cart = session.Cart.Select(l => l.Sku).ToList();
        var shown = cart.ToHashSet(StringComparer.Ordinal);
        if (views.Count > 0)
        {
            shown.Add(views[^1]); // the product on screen: a pick of the page the shopper is on helps nobody
        }

        var catalog = GrainFactory.Catalog();
        var seen = session.RecentEvents.Select(e => e.Sku).Concat(cart).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var products = (await catalog.GetProductsAsync(seen)).ToDictionary(p => p.Sku, StringComparer.Ordinal);
        var interest = SceneInterest.Weigh(session.RecentEvents, session.Cart, products);
        var categories = interest.Where(i => i.Key.StartsWith(CategoryNode.Prefix, StringComparison.Ordinal))
            .OrderByDescending(i => i.Value).ThenBy(i => i.Key, StringComparer.Ordinal).Take(PopularCategories).ToList();
        var shopperNode = session.ShopperId is { } shopper ? ShopperNode.Key(shopper) : null;
        var neighbours = await _neighbours!.GetAsync(RecentItems.Weighted(views).Select(r => r.Item).Concat(cart).Concat(categories.Select(c => c.Key)).Append(shopperNode).OfType<string>());
        var past = shopperNode is not null && neighbours.TryGetValue(shopperNode, out var node) ? node : null;

        // Each strategy ranks its own candidates; the bandit then fills the list slot by slot.
        var byArm = Arms.Known.ToDictionary(a => a, _ => new Votes(keepEvidence: true), StringComparer.Ordinal);
        SessionNeighbours.Vote(s => Shares(neighbours, s, n => n.CoView), views, byArm[Arm.CoView], 1, Arm.CoView, shown.Contains);
        RecentlyViewed.Vote(views, byArm[Arm.RecentlyViewed], 1, shown.Contains);
        CoPurchase.Vote(s => Shares(neighbours, s, n => n.CoPurchase), cart, byArm[Arm.CoPurchase], 1, shown.Contains);
        if (past is not null)
        {
            // What the shopper viewed and bought on earlier visits (their node in the graph) counts for half.
            var viewedHere = views.ToHashSet(StringComparer.Ordinal);
            foreach (var edge in past.CoView.Where(e => !viewedHere.Contains(e.To) && !shown.Contains(e.To)))
            {
                byArm[Arm.RecentlyViewed].Add(edge.To, EarlierVisits * edge.Weight, Arm.RecentlyViewed, past.Sku, edge.Weight);
            }

            var bought = past.CoPurchase.Select(e => e.To).Where(s => !cart.Contains(s)).Take(BoughtSeeds).ToList();
            var boughtWith = await _neighbours.GetAsync(bought);
            CoPurchase.Vote(s => Shares(boughtWith, s, n => n.CoPurchase), bought, byArm[Arm.CoPurchase], EarlierVisits, shown.Contains);
            var unnamed = bought.Where(b => !products.ContainsKey(b)).ToList();
            foreach (var product in unnamed.Count == 0 ? [] : await catalog.GetProductsAsync(unnamed))
            {
                products[product.Sku] = product; // named in the picks they bring ("Often bought with …")
            }
        }

        PopularInCategory.Vote(
            categories,
            node => [.. Shares(neighbours, node, n => n.CoView)],
            node => [.. Shares(neighbours, node, n => n.CoPurchase)],
            byArm[Arm.Popular], 1, shown.Contains);
        PromotedItems.Vote(await _promotions!.GetAsync(), interest, byArm[Arm.Promoted], 1, shown.Contains);
        await VoteScenesAsync(interest, byArm[Arm.Scene], 1, shown);
        var ranked = byArm.Where(p => PickStrategies.Draws(strategy, p.Key)).ToDictionary(p => p.Key, p => p.Value.Best(SceneInterest.MaxPicks * 2), StringComparer.Ordinal);
        var missing = ranked.Values.SelectMany(r => r).Select(r => r.Item).Where(s => !products.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var product in missing.Count == 0 ? [] : await catalog.GetProductsAsync(missing))
        {
            products[product.Sku] = product;
        }

        var slots = BanditBlend.Compose(
            ranked.ToDictionary(p => p.Key, p => (IReadOnlyList<ScoredItem>)[.. p.Value.Where(i => products.ContainsKey(i.Item))], StringComparer.Ordinal),
            PickStrategies.For(strategy, PropensitiesFor(record)),
            SceneInterest.MaxPicks,
            new Random(Fnv1a.Of($"{sessionId}#{session.Version}"))); // the same session version always gets the same draws
        var picks = new RecommendationsChanged
        {
            SessionId = sessionId,
            Items = [.. slots.Select(slot => Describe(slot, products, byArm, session.Intent))],
            Version = session.Version,
            At = clock.GetUtcNow(),
            ArmWeights = record.Arms.ToDictionary(a => a.Arm, a => a.Mean, StringComparer.Ordinal),
            Arms = record.Arms,
            Segment = segment,
            Policy = PickStrategies.Policy(strategy),
            Experiments = variants,
            Intent = session.Intent,
        };
        Remember(picks);
        return picks;
    }

    /// <summary>
    /// How this session's list is made: the product's bandit, unless a running experiment that changes the strategy puts
    /// the session in a variant. A session enters an experiment only by what it does while it runs (a list made again
    /// for a session idle since before the start, e.g. a re-rank, stays the product's). The session records the exposure
    /// (its outbox tells the experiment) before the variant is used; when it cannot, the list is made the product's way
    /// and the session is not counted.
    /// </summary>
    private async Task<(string Strategy, IReadOnlyList<string> Variants)> StrategyForAsync(string sessionId, string segment, string? region, DateTimeOffset? changedAt)
    {
        var running = await experiments.GetAsync();
        if (ExperimentUnits.Find(running, nameof(VariantSettings.RecommendationStrategy), sessionId, segment, region, changedAt, clock.GetUtcNow()) is not { } exposure)
        {
            return (PickStrategies.Bandit, []);
        }

        if (!_exposed.TryGetValue(sessionId, out var met) || !met.Contains(exposure.ExperimentId))
        {
            try
            {
                _exposed[sessionId] = [.. (await GrainFactory.Session(new SessionId(sessionId)).ExposeAsync([exposure])).Select(e => e.ExperimentId)];
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.ExposureFailed(ex, sessionId, exposure.ExperimentId);
                return (PickStrategies.Bandit, []);
            }
        }

        var settings = running.Single(r => r.Definition.Id == exposure.ExperimentId).Definition.Variants[exposure.Variant].Settings;
        return (settings.RecommendationStrategy ?? PickStrategies.Bandit, [ExperimentUnits.Tag(exposure)]);
    }

    /// <summary>The propensities of a segment's record, estimated once per version of it.</summary>
    private Propensities PropensitiesFor(ArmWeightsChanged record)
    {
        if (!_propensities.TryGetValue(record.Segment, out var known) || known.Version != record.Version)
        {
            var posteriors = record.Arms.ToDictionary(a => a.Arm, a => new ArmPosterior(a.Clicks, a.Misses, record.At), StringComparer.Ordinal);
            _propensities[record.Segment] = known = (record.Version, new Propensities(posteriors));
        }

        return known.Propensities;
    }


    /// <summary>The scene strategy: candidates from the strongest scenes and categories, each voting with its share of the candidates' interest.</summary>
    private async Task VoteScenesAsync(IReadOnlyDictionary<string, double> interest, Votes votes, double weight, ISet<string> shown)
    {
        var candidates = new List<Product>();
        foreach (var key in SceneInterest.Strongest(interest))
        {
            candidates.AddRange(await _scenes!.GetAsync(key));
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

    private static Recommendation Describe(SlotPick slot, Dictionary<string, Product> products, Dictionary<string, Votes> byArm, PurchaseIntent? intent)
    {
        var pick = slot.Item;
        var product = products[pick.Item];
        var fromProduct = slot.Arm is not (Arm.Scene or Arm.Popular or Arm.Promoted) && pick.Because is { } because && !because.StartsWith(ShopperNode.Prefix, StringComparison.Ordinal);
        return new Recommendation
        {
            Sku = product.Sku,
            Name = product.Name,
            Price = product.Price,
            Score = Math.Round(pick.Score, 4),
            Arm = slot.Arm,
            Propensity = Math.Round(slot.Propensity, 4),
            CategoryIntent = intent?.Categories.FirstOrDefault(c => c.Key == product.Category)?.Score,
            BecauseSku = fromProduct ? pick.Because : null,
            Because = fromProduct ? products.GetValueOrDefault(pick.Because!)?.Name ?? pick.Because!
                : pick.Because is { } node && node.StartsWith(CategoryNode.Prefix, StringComparison.Ordinal) ? node[CategoryNode.Prefix.Length..]
                : pick.Because is { } shopperNode && shopperNode.StartsWith(ShopperNode.Prefix, StringComparison.Ordinal) ? "an earlier visit"
                : pick.Because ?? "",
            Evidence = [.. byArm.Values.SelectMany(v => v.EvidenceFor(pick.Item)).OrderByDescending(e => e.Vote).ThenBy(e => e.Arm, StringComparer.Ordinal).Select(e => new RecommendationEvidence
            {
                Arm = e.Arm, From = e.From, Edge = e.Share is { } share ? Math.Round(share, 4) : null, Vote = Math.Round(e.Vote, 4),
            })],
        };
    }

    private void Remember(RecommendationsChanged picks)
    {
        if (_latest.TryGetValue(picks.SessionId, out var before))
        {
            if (before.Version != picks.Version)
            {
                _previous[picks.SessionId] = before;
            }
        }
        else
        {
            _order.Enqueue(picks.SessionId);
        }

        _latest[picks.SessionId] = picks;
        while (_order.Count > RememberedSessions)
        {
            var gone = _order.Dequeue();
            _latest.Remove(gone);
            _previous.Remove(gone);
            _exposed.Remove(gone);
        }
    }
}
