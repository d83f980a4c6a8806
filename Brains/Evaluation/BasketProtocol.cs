using System.Diagnostics;

namespace Tandem.Brains.Evaluation;

/// <summary>
/// Leave-last-item-out basket completion: test items unknown to training are dropped, then baskets of fewer than two
/// items; the last item put in each basket is hidden and the model, given the others, must rank it in its first
/// <c>cutoff</c>. Baskets go in time order, and the model is told each whole basket after it is scored.
/// </summary>
public static class BasketProtocol
{
    public static IReadOnlyList<Basket> Prepare(IReadOnlyList<Basket> train, IReadOnlyList<Basket> test)
    {
        var known = train.SelectMany(b => b.Items).ToHashSet(StringComparer.Ordinal);
        return [.. test
            .Select(b => b with { Items = [.. b.Items.Where(known.Contains)] })
            .Where(b => b.Items.Count >= 2)];
    }

    public static NextItemScore Run(IBasketModel model, IReadOnlyList<Basket> train, IReadOnlyList<Basket> test, int cutoff = 20)
    {
        var clock = Stopwatch.StartNew();
        model.Train(train);
        var hits = 0;
        var reciprocal = 0.0;
        foreach (var basket in test.OrderBy(b => b.At).ThenBy(b => b.Id, StringComparer.Ordinal))
        {
            var hidden = basket.Items[^1];
            var list = model.Recommend(basket.Items.Take(basket.Items.Count - 1).ToList(), cutoff);
            var rank = list.Take(cutoff).ToList().IndexOf(hidden);
            if (rank >= 0)
            {
                hits++;
                reciprocal += 1.0 / (rank + 1);
            }

            model.Observe(basket);
        }

        var n = Math.Max(1, test.Count);
        return new NextItemScore(model.Name, test.Count, (double)hits / n, reciprocal / n, cutoff, clock.Elapsed);
    }
}
