using Tandem.Contracts.Lineage;

namespace Tandem.Api.Lineage;

/// <summary>
/// Walks a decision back to what caused it: reads its node from the grains that own it (<see cref="ILineageSource"/>),
/// then its inputs' nodes, breadth first, each once, to <see cref="MaxDepth"/> steps and <see cref="MaxNodes"/> nodes.
/// Nothing is recorded for lineage alone: every node is what its owner keeps of its decision.
/// </summary>
public sealed class LineageWalker(IEnumerable<ILineageSource> sources)
{
    public const int MaxDepth = 8;
    public const int MaxNodes = 80;

    private readonly Dictionary<string, ILineageSource> _sources = sources.SelectMany(s => s.Kinds.Select(k => (k, s))).ToDictionary(p => p.k, p => p.s, StringComparer.Ordinal);

    /// <summary>The kinds of node the walk knows.</summary>
    public IReadOnlyCollection<string> Kinds => _sources.Keys;

    /// <summary>Splits <c>{kind}:{key}</c>; false when the kind is unknown or the key malformed for it.</summary>
    public bool TrySplit(string? id, out string kind, out string key)
    {
        (kind, key) = ("", "");
        var colon = id?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || id!.Length > 300)
        {
            return false;
        }

        (kind, key) = (id[..colon], id[(colon + 1)..]);
        return _sources.TryGetValue(kind, out var source) && source.IsKey(kind, key);
    }

    /// <summary>The graph of <paramref name="id"/>, or null when the decision itself is unknown.</summary>
    public async Task<LineageGraph?> WalkAsync(string id)
    {
        if (!TrySplit(id, out _, out _) || await ReadAsync(id) is not { } root)
        {
            return null;
        }

        var nodes = new List<LineageNode> { root };
        var seen = new HashSet<string>(StringComparer.Ordinal) { id };
        var unresolved = new List<string>();
        var level = new List<LineageNode> { root };
        var truncated = false;
        for (var depth = 1; level.Count > 0; depth++)
        {
            var next = level.SelectMany(n => n.Inputs).Select(i => i.Id).Where(seen.Add).ToList();
            if (next.Count == 0)
            {
                break;
            }

            if (depth > MaxDepth || nodes.Count + next.Count > MaxNodes)
            {
                truncated = true;
                next = depth > MaxDepth ? [] : next[..Math.Max(0, MaxNodes - nodes.Count)];
                if (next.Count == 0)
                {
                    break;
                }
            }

            var read = await Task.WhenAll(next.Select(ReadAsync));
            level = [.. read.OfType<LineageNode>()];
            nodes.AddRange(level);
            unresolved.AddRange(next.Where((_, i) => read[i] is null));
        }

        return new LineageGraph { Root = id, Nodes = nodes, Unresolved = unresolved, Truncated = truncated };
    }

    private async Task<LineageNode?> ReadAsync(string id) =>
        TrySplit(id, out var kind, out var key) ? await _sources[kind].ReadAsync(kind, key) : null;
}
