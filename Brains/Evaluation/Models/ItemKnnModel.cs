using Tandem.Brains.Recommendations;

namespace Tandem.Brains.Evaluation.Models;

/// <summary>
/// Baseline: item-to-item kNN on the last item (session-rec's "iknn"): two items are as similar as the sessions they
/// share, co(i, j) / (√sessions(i) · √sessions(j) + λ), λ = 20; trained offline.
/// </summary>
public sealed class ItemKnnModel : INextItemModel
{
    private const double Lambda = 20;
    private const int Neighbours = 100;

    private readonly Dictionary<string, List<string>> _similar = new(StringComparer.Ordinal);

    public string Name => "item-kNN";

    public void Train(IReadOnlyList<ClickSession> sessions)
    {
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        var together = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var session in sessions)
        {
            var items = session.Items.Distinct(StringComparer.Ordinal).ToList();
            foreach (var i in items)
            {
                support[i] = support.GetValueOrDefault(i) + 1;
                if (!together.TryGetValue(i, out var row))
                {
                    together[i] = row = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                foreach (var j in items)
                {
                    if (!string.Equals(i, j, StringComparison.Ordinal))
                    {
                        row[j] = row.GetValueOrDefault(j) + 1;
                    }
                }
            }
        }

        foreach (var (i, row) in together)
        {
            var similarities = row.Select(p => new KeyValuePair<string, double>(p.Key, p.Value / ((Math.Sqrt(support[i]) * Math.Sqrt(support[p.Key])) + Lambda)));
            _similar[i] = [.. Ranking.Best(similarities, Neighbours).Select(p => p.Key)];
        }
    }

    public IReadOnlyList<string> Recommend(IReadOnlyList<string> prefix, int count) =>
        _similar.TryGetValue(prefix[^1], out var similar) ? similar.Take(count).ToList() : [];

    public void Observe(IReadOnlyList<string> prefix, string following, DateTimeOffset at)
    {
    }
}
