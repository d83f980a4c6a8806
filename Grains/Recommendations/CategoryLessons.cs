using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// What views and purchases teach the categories' and shoppers' nodes of the graph (<see cref="CategoryNode"/>,
/// <see cref="ShopperNode"/>): one lesson per category (and one for the shopper), an edge per product weighing how many
/// times it was viewed (or bought) in the batch or basket.
/// </summary>
public static class CategoryLessons
{
    /// <summary>The shopper's lesson: every product of the batch or basket; none without a shopper.</summary>
    public static IEnumerable<(string Node, GraphLesson Lesson)> ForShopper(string id, GraphRelation relation, string? shopperId, IEnumerable<string> skus, DateTimeOffset at) =>
        shopperId is null ? [] : [(ShopperNode.Key(shopperId), new GraphLesson
        {
            Id = id,
            Relation = relation,
            Edges = [.. skus.GroupBy(s => s, StringComparer.Ordinal).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new GraphEdge(s.Key, s.Count()))],
            At = at,
        })];

    public static IEnumerable<(string Node, GraphLesson Lesson)> From(string id, GraphRelation relation, IEnumerable<(string Sku, string? Category)> items, DateTimeOffset at) =>
        items.Where(i => !string.IsNullOrEmpty(i.Category))
            .GroupBy(i => i.Category!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (CategoryNode.Key(g.Key), new GraphLesson
            {
                Id = id,
                Relation = relation,
                Edges = [.. g.GroupBy(i => i.Sku, StringComparer.Ordinal).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new GraphEdge(s.Key, s.Count()))],
                At = at,
            }));
}
