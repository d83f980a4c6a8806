using Tandem.Brains.Recommendations;

namespace Tandem.Brains.Evaluation.Models;

/// <summary>
/// Reference: vector-multiplication session kNN (V-SKNN, Ludewig &amp; Jannach), the published strong baseline for
/// session-based recommendation. The current session's items weigh 1 / (distance from its end + 1); among the
/// <see cref="SampleSize"/> most recent training sessions sharing an item, the <see cref="K"/> most similar (dot
/// product) vote for their items with their similarity. Trained offline.
/// </summary>
public sealed class SessionKnnModel : INextItemModel
{
    public const int K = 100;
    public const int SampleSize = 500;

    private readonly Dictionary<string, List<int>> _sessionsWith = new(StringComparer.Ordinal);
    private readonly List<HashSet<string>> _items = [];

    public string Name => "V-SKNN";

    public void Train(IReadOnlyList<ClickSession> sessions)
    {
        // Most recent first, so "the most recent sessions with an item" is a prefix of its list.
        foreach (var session in sessions.OrderByDescending(s => s.Times[^1]).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            var index = _items.Count;
            var items = session.Items.ToHashSet(StringComparer.Ordinal);
            _items.Add(items);
            foreach (var item in items)
            {
                if (!_sessionsWith.TryGetValue(item, out var list))
                {
                    _sessionsWith[item] = list = [];
                }

                list.Add(index);
            }
        }
    }

    public IReadOnlyList<string> Recommend(IReadOnlyList<string> prefix, int count)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = prefix.Count - 1; i >= 0; i--)
        {
            weights.TryAdd(prefix[i], 1.0 / (prefix.Count - i));
        }

        // Sessions are numbered most recent first: the smallest numbers are the most recent.
        var candidates = new SortedSet<int>();
        foreach (var item in weights.Keys)
        {
            if (_sessionsWith.TryGetValue(item, out var list))
            {
                candidates.UnionWith(list.Take(SampleSize));
            }
        }

        var similar = candidates.Take(SampleSize)
            .Select(s => (Session: s, Similarity: weights.Sum(w => _items[s].Contains(w.Key) ? w.Value : 0)))
            .OrderByDescending(c => c.Similarity)
            .ThenBy(c => c.Session)
            .Take(K);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (session, similarity) in similar)
        {
            foreach (var item in _items[session])
            {
                scores[item] = scores.GetValueOrDefault(item) + similarity;
            }
        }

        return [.. Ranking.Best(scores, count).Select(p => p.Key)];
    }

    public void Observe(IReadOnlyList<string> prefix, string following, DateTimeOffset at)
    {
    }
}
