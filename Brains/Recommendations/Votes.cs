namespace Tandem.Brains.Recommendations;

/// <summary>Scores that strategies add up for candidate items, remembering for each item the single largest vote and where it came from.</summary>
public sealed class Votes
{
    private readonly Dictionary<string, double> _scores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Arm, string? Because, double Vote)> _strongest = new(StringComparer.Ordinal);

    public int Count => _scores.Count;

    public void Add(string item, double vote, string arm, string? because)
    {
        _scores[item] = _scores.GetValueOrDefault(item) + vote;
        if (!_strongest.TryGetValue(item, out var strongest) || vote > strongest.Vote)
        {
            _strongest[item] = (arm, because, vote);
        }
    }

    /// <summary>The <paramref name="count"/> best-voted items, best first (ties by id).</summary>
    public List<ScoredItem> Best(int count) =>
        [.. Ranking.Best(_scores, count).Select(p => new ScoredItem(p.Key, p.Value, _strongest[p.Key].Arm, _strongest[p.Key].Because))];
}
