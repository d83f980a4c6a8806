using Tandem.Brains.Recommendations;
using Tandem.Contracts.Sessions;
using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Grains.Recommendations;

namespace Tandem.Grains.Sessions;

/// <summary>
/// What a batch of behaviour teaches the product graph: each new product view, after the session's earlier views,
/// adds the co-view edges of <see cref="ItemGraph.StepEdges"/> (the same rule the evaluation measures), gathered into one
/// lesson per source product, and counts as a view of the product in its category's node and its shopper's
/// (<see cref="CategoryLessons"/>);
/// every lesson is named after the session and its event count before the batch.
/// </summary>
public static class SessionLessons
{
    public static List<PendingLesson> From(string sessionId, long eventsSeenBefore, IReadOnlyList<BehaviourEvent> earlier, IReadOnlyList<BehaviourEvent> fresh, Func<string, string?> categoryOf, string? shopperId)
    {
        var options = ProductGraphState.CoViewOptions;
        var fresher = fresh.Where(IsView).OrderBy(e => e.At).Select(e => e.Sku!).ToList();
        if (fresher.Count == 0)
        {
            return [];
        }

        var id = $"session:{sessionId}:{eventsSeenBefore}";
        var at = fresh.Max(e => e.At);
        var nodes = CategoryLessons.From(id, GraphRelation.CoView, fresher.Select(s => (s, categoryOf(s))), at)
            .Concat(CategoryLessons.ForShopper(id, GraphRelation.CoView, shopperId, fresher, at))
            .Select(l => new PendingLesson(l.Node, l.Lesson));

        var views = earlier.Where(IsView).OrderBy(e => e.At).Select(e => e.Sku!).TakeLast(options.Window).ToList();
        var firstNew = views.Count;
        views.AddRange(fresher);
        var edges = new List<(string From, string To, double Weight)>();
        for (var i = firstNew; i < views.Count; i++)
        {
            edges.AddRange(ItemGraph.StepEdges(views[..i], views[i], options));
        }

        return [.. edges
            .GroupBy(e => e.From, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PendingLesson(g.Key, new GraphLesson
            {
                Id = id,
                Relation = GraphRelation.CoView,
                Edges = [.. g.GroupBy(e => e.To, StringComparer.Ordinal).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new GraphEdge(t.Key, t.Sum(e => e.Weight)))],
                At = at,
            })), .. nodes];
    }

    private static bool IsView(BehaviourEvent e) => e.Type == BehaviourType.View && !string.IsNullOrEmpty(e.Sku);
}
