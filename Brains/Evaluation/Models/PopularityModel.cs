namespace Tandem.Brains.Evaluation.Models;

/// <summary>Baseline: the items clicked most in training, the same list for everyone.</summary>
public sealed class PopularityModel : INextItemModel
{
    private List<string> _top = [];

    public string Name => "popularity";

    public void Train(IReadOnlyList<ClickSession> sessions) =>
        _top = [.. sessions.SelectMany(s => s.Items)
            .GroupBy(i => i, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .Take(1000)];

    public IReadOnlyList<string> Recommend(IReadOnlyList<string> prefix, int count) => _top.Count <= count ? _top : _top[..count];

    public void Observe(IReadOnlyList<string> prefix, string following, DateTimeOffset at)
    {
    }
}
