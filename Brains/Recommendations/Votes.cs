namespace Tandem.Brains.Recommendations;

/// <summary>
/// Scores that strategies add up for candidate items, remembering for each item the single largest vote and where it
/// came from, and (when asked) every vote, so a recommendation can say why.
/// </summary>
public sealed class Votes(bool keepEvidence = false)
{
    private readonly Dictionary<string, double> _scores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Arm, string? Because, double Vote)> _strongest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Evidence>> _evidence = new(StringComparer.Ordinal);

    public int Count => _scores.Count;

    public void Add(string item, double vote, string arm, string? because, double? share = null)
    {
        _scores[item] = _scores.GetValueOrDefault(item) + vote;
        if (!_strongest.TryGetValue(item, out var strongest) || vote > strongest.Vote)
        {
            _strongest[item] = (arm, because, vote);
        }

        if (keepEvidence)
        {
            if (!_evidence.TryGetValue(item, out var list))
            {
                _evidence[item] = list = [];
            }

            list.Add(new Evidence(arm, because, share, vote));
        }
    }

    /// <summary>Every vote <paramref name="item"/> got, largest first (empty unless evidence is kept).</summary>
    public IReadOnlyList<Evidence> EvidenceFor(string item) =>
        _evidence.TryGetValue(item, out var list) ? [.. list.OrderByDescending(e => e.Vote).ThenBy(e => e.Arm, StringComparer.Ordinal)] : [];

    /// <summary>The <paramref name="count"/> best-voted items, best first (ties by id).</summary>
    public List<ScoredItem> Best(int count) =>
        [.. Ranking.Best(_scores, count).Select(p => new ScoredItem(p.Key, p.Value, _strongest[p.Key].Arm, _strongest[p.Key].Because))];
}
