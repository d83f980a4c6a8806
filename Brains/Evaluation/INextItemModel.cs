namespace Tandem.Brains.Evaluation;

/// <summary>A next-item recommender as the evaluation sees it: trained on past sessions, asked for a list after each prefix.</summary>
public interface INextItemModel
{
    string Name { get; }

    /// <summary>Learns from the training sessions (called once, before any recommendation).</summary>
    void Train(IReadOnlyList<ClickSession> sessions);

    /// <summary>The best <paramref name="count"/> items to follow <paramref name="prefix"/> (oldest first), best first.</summary>
    IReadOnlyList<string> Recommend(IReadOnlyList<string> prefix, int count);

    /// <summary>Told what came next once it happened: a model that learns live learns it; an offline one ignores it.</summary>
    void Observe(IReadOnlyList<string> prefix, string following, DateTimeOffset at);
}
