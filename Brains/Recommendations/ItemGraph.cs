namespace Tandem.Brains.Recommendations;

/// <summary>
/// Weighted, time-decayed edges between items, learnt from what shoppers do: a view followed by another view
/// within <see cref="GraphOptions.Window"/> steps links the first to the second (weight 1 / steps) and the second
/// back (<see cref="GraphOptions.Backward"/> of that), and items bought together link each other. Every item keeps its own <see cref="Adjacency"/>, so the graph can be
/// partitioned by item.
/// </summary>
public sealed class ItemGraph(GraphOptions options)
{
    private readonly Dictionary<string, Adjacency> _edges = new(StringComparer.Ordinal);

    public GraphOptions Options { get; } = options.Validated();

    public int Items => _edges.Count;

    /// <summary>The item's out-edges, or null when it has none.</summary>
    public Adjacency? Of(string item) => _edges.GetValueOrDefault(item);

    /// <summary>Learns that <paramref name="next"/> was viewed after <paramref name="before"/> (oldest first) at <paramref name="at"/>.</summary>
    public void ObserveStep(IReadOnlyList<string> before, string next, DateTimeOffset at)
    {
        foreach (var (from, to, weight) in StepEdges(before, next, Options))
        {
            Edges(from, at).Add(to, weight, at);
        }
    }

    /// <summary>
    /// The edges one view adds: from each of the <see cref="GraphOptions.Window"/> views before it (weight 1 / steps)
    /// and back to them (<see cref="GraphOptions.Backward"/> of that); none between an item and itself.
    /// </summary>
    public static IEnumerable<(string From, string To, double Weight)> StepEdges(IReadOnlyList<string> before, string next, GraphOptions options)
    {
        for (var steps = 1; steps <= options.Window && steps <= before.Count; steps++)
        {
            var from = before[^steps];
            if (!string.Equals(from, next, StringComparison.Ordinal))
            {
                yield return (from, next, 1.0 / steps);
                if (options.Backward > 0)
                {
                    yield return (next, from, options.Backward / steps);
                }
            }
        }
    }

    /// <summary>The edges one basket adds: from each distinct item to each other one, one unit per item shared equally among the others.</summary>
    public static IEnumerable<(string From, string To, double Weight)> BasketEdges(IReadOnlyList<string> distinctItems)
    {
        var weight = BasketShare(distinctItems.Count);
        foreach (var from in distinctItems)
        {
            foreach (var to in distinctItems)
            {
                if (!string.Equals(from, to, StringComparison.Ordinal))
                {
                    yield return (from, to, weight);
                }
            }
        }
    }

    /// <summary>Learns a whole sequence of views, step by step.</summary>
    public void ObserveSequence(IReadOnlyList<string> items, DateTimeOffset at)
    {
        for (var i = 1; i < items.Count; i++)
        {
            ObserveStep(new Prefix(items, i), items[i], at);
        }
    }

    /// <summary>
    /// Learns that the distinct items of one basket were bought together: each item gives one unit of weight, shared
    /// equally among the others (a wholesale order of 300 lines does not outweigh 300 small ones).
    /// </summary>
    public void ObserveBasket(IEnumerable<string> items, DateTimeOffset at)
    {
        var distinct = items.Distinct(StringComparer.Ordinal).ToList();
        var weight = BasketShare(distinct.Count);
        foreach (var from in distinct)
        {
            Edges(from, at).AddEach(distinct, from, weight, at);
        }
    }

    /// <summary>What each item of a basket of <paramref name="items"/> distinct items gives each other one: its unit, shared equally.</summary>
    private static double BasketShare(int items) => 1.0 / Math.Max(1, items - 1);

    private Adjacency Edges(string item, DateTimeOffset at)
    {
        if (!_edges.TryGetValue(item, out var edges))
        {
            edges = new Adjacency(Options.HalfLife, Options.MaxNeighbours, at);
            _edges.Add(item, edges);
        }

        return edges;
    }

    /// <summary>The first <c>count</c> items of a list, without copying them.</summary>
    private sealed class Prefix(IReadOnlyList<string> items, int count) : IReadOnlyList<string>
    {
        public string this[int index] => index < count ? items[index] : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => count;

        public IEnumerator<string> GetEnumerator() => items.Take(count).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
