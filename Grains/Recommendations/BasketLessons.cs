using Tandem.Brains.Recommendations;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// What one bought basket teaches the product graph: for each of its products, its co-purchase edges
/// (<see cref="ItemGraph.BasketEdges"/>), and for each category, a purchase of each of its products in the category's node
/// and of the buyer's node (<see cref="CategoryLessons"/>); every lesson is named after the basket. The key is the sku or the node.
/// </summary>
public static class BasketLessons
{
    public static IEnumerable<(string Sku, GraphLesson Lesson)> From(
        string id, IReadOnlyList<string> distinctSkus, IEnumerable<(string Sku, string? Category)> categories, string? shopperId, DateTimeOffset at) =>
        ItemGraph.BasketEdges(distinctSkus)
            .GroupBy(e => e.From, StringComparer.Ordinal)
            .Select(edges => (edges.Key, new GraphLesson
            {
                Id = id,
                Relation = GraphRelation.CoPurchase,
                Edges = [.. edges.Select(e => new GraphEdge(e.To, e.Weight))],
                At = at,
            }))
            .Concat(CategoryLessons.From(id, GraphRelation.CoPurchase, categories, at))
            .Concat(CategoryLessons.ForShopper(id, GraphRelation.CoPurchase, shopperId, distinctSkus, at));
}
