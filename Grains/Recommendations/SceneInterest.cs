using Tandem.Contracts.Catalog;
using Tandem.Contracts.Recommendations;
using Tandem.Contracts.Sessions;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// How much a session's behaviour points at each scene and category, and the products that match it best.
/// Weights: a view 1, dwell 1 per 10 s (at most 3), a size-chart look 1, a click 0.2, a cart line 3.
/// </summary>
public static class SceneInterest
{
    public const int MaxPicks = 6;

    private const double CategoryShare = 0.5;

    public static Dictionary<string, double> Weigh(IReadOnlyList<BehaviourEvent> events, IReadOnlyList<CartLine> cart, IReadOnlyDictionary<string, Product> products)
    {
        var interest = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(string? sku, double weight)
        {
            if (sku is null || weight <= 0 || !products.TryGetValue(sku, out var product))
            {
                return;
            }

            foreach (var tag in product.SceneTags)
            {
                interest[tag] = interest.GetValueOrDefault(tag) + weight;
            }

            interest["category:" + product.Category] = interest.GetValueOrDefault("category:" + product.Category) + (weight * CategoryShare);
        }

        foreach (var e in events)
        {
            Add(e.Sku, e.Type switch
            {
                BehaviourType.View => 1,
                BehaviourType.Dwell => Math.Min(3, (e.Value ?? 0) / 10_000),
                BehaviourType.SizeChart => 1,
                BehaviourType.Click => 0.2,
                BehaviourType.AddToCart => 3,
                _ => 0,
            });
        }

        foreach (var line in cart)
        {
            Add(line.Sku, 3);
        }

        return interest;
    }

    /// <summary>The best <see cref="MaxPicks"/> candidates by interest, leaving out <paramref name="exclude"/> (already in the cart).</summary>
    public static IReadOnlyList<Recommendation> Pick(IReadOnlyDictionary<string, double> interest, IEnumerable<Product> candidates, ISet<string> exclude) =>
        [.. Score(interest, candidates, exclude)
            .Take(MaxPicks)
            .Select(c => new Recommendation { Sku = c.Product.Sku, Name = c.Product.Name, Price = c.Product.Price, Score = Math.Round(c.Score, 3), Because = c.Because })];

    /// <summary>
    /// Every candidate with its interest (the sum over its scenes and its category) and the scene or category that
    /// points to it most, best first, leaving out <paramref name="exclude"/> and those no interest points to.
    /// </summary>
    public static IEnumerable<(Product Product, double Score, string Because)> Score(IReadOnlyDictionary<string, double> interest, IEnumerable<Product> candidates, ISet<string> exclude) =>
        candidates
            .Where(p => !exclude.Contains(p.Sku))
            .DistinctBy(p => p.Sku)
            .Select(p =>
            {
                var keys = p.SceneTags.Append("category:" + p.Category);
                var best = keys.MaxBy(k => interest.GetValueOrDefault(k))!;
                var score = p.SceneTags.Sum(t => interest.GetValueOrDefault(t)) + interest.GetValueOrDefault("category:" + p.Category);
                return (Product: p, Score: score, Because: best.Replace("category:", "", StringComparison.Ordinal));
            })
            .Where(r => r.Score > 0)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Product.Sku, StringComparer.Ordinal);

    /// <summary>The scenes and categories worth searching for candidates: the strongest three.</summary>
    public static IEnumerable<string> Strongest(IReadOnlyDictionary<string, double> interest) =>
        interest.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(3).Select(p => p.Key);
}
