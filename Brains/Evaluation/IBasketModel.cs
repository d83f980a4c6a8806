namespace Tandem.Brains.Evaluation;

/// <summary>A basket-completion recommender as the evaluation sees it: trained on past baskets, asked what completes a basket.</summary>
public interface IBasketModel
{
    string Name { get; }

    /// <summary>Learns from the training baskets (called once, before any recommendation).</summary>
    void Train(IReadOnlyList<Basket> baskets);

    /// <summary>The best <paramref name="count"/> items to add to <paramref name="basket"/>, none of its own items, best first.</summary>
    IReadOnlyList<string> Recommend(IReadOnlyList<string> basket, int count);

    /// <summary>Told of a whole basket once it was bought: a model that learns live learns it; an offline one ignores it.</summary>
    void Observe(Basket basket);
}
