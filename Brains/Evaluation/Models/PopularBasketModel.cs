namespace Tandem.Brains.Evaluation.Models;

/// <summary>Baseline: the items in most training baskets, leaving out what the basket already has.</summary>
public sealed class PopularBasketModel : IBasketModel
{
    private List<string> _top = [];

    public string Name => "popularity";

    public void Train(IReadOnlyList<Basket> baskets) =>
        _top = [.. baskets.SelectMany(b => b.Items.Distinct(StringComparer.Ordinal))
            .GroupBy(i => i, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)];

    public IReadOnlyList<string> Recommend(IReadOnlyList<string> basket, int count)
    {
        var has = basket.ToHashSet(StringComparer.Ordinal);
        return [.. _top.Where(i => !has.Contains(i)).Take(count)];
    }

    public void Observe(Basket basket)
    {
    }
}
