using Tandem.Brains.Recommendations;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>What one bought basket teaches the product graph: for each of its products, its co-purchase edges (<see cref="ItemGraph.BasketEdges"/>), as one lesson named after the basket.</summary>
public static class BasketLessons
{
    public static IEnumerable<(string Sku, GraphLesson Lesson)> From(string id, IReadOnlyList<string> distinctSkus, DateTimeOffset at) =>
        ItemGraph.BasketEdges(distinctSkus)
            .GroupBy(e => e.From, StringComparer.Ordinal)
            .Select(edges => (edges.Key, new GraphLesson
            {
                Id = id,
                Relation = GraphRelation.CoPurchase,
                Edges = [.. edges.Select(e => new GraphEdge(e.To, e.Weight))],
                At = at,
            }));
}
