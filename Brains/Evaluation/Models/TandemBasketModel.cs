using Tandem.Brains.Recommendations;

namespace Tandem.Brains.Evaluation.Models;

/// <summary>Tandem's co-purchase graph under evaluation (<see cref="CoPurchase"/>, popular items to fill), learning each test basket after it is scored unless frozen.</summary>
public sealed class TandemBasketModel(GraphOptions options, bool live) : IBasketModel
{
    private readonly ItemGraph _graph = new(options);
    private readonly Popularity _popular = new(options.HalfLife);

    public string Name => live ? "Tandem co-purchase graph (learning live)" : "Tandem co-purchase graph (frozen after training)";

    public void Train(IReadOnlyList<Basket> baskets)
    {
        foreach (var basket in baskets.OrderBy(b => b.At).ThenBy(b => b.Id, StringComparer.Ordinal))
        {
            Learn(basket);
        }
    }

    public IReadOnlyList<string> Recommend(IReadOnlyList<string> basket, int count)
    {
        var has = basket.ToHashSet(StringComparer.Ordinal);
        var votes = new Votes();
        CoPurchase.Vote(_graph, basket, votes, 1, has.Contains);
        var picked = votes.Best(count).Select(p => p.Item).ToList();
        if (picked.Count < count)
        {
            var taken = picked.ToHashSet(StringComparer.Ordinal);
            picked.AddRange(_popular.Top(count - picked.Count, i => has.Contains(i) || taken.Contains(i)));
        }

        return picked;
    }

    public void Observe(Basket basket)
    {
        if (live)
        {
            Learn(basket);
        }
    }

    private void Learn(Basket basket)
    {
        _graph.ObserveBasket(basket.Items, basket.At);
        foreach (var item in basket.Items)
        {
            _popular.Add(item, basket.At);
        }
    }
}
