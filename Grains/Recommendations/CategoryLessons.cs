using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// What views and purchases teach the categories' nodes of the graph (<see cref="CategoryNode"/>): one lesson per
/// category, an edge per product weighing how many times it was viewed (or bought) in the batch or basket.
/// </summary>
public static class CategoryLessons
{
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
