using Tandem.Brains.Recommendations;

namespace Tandem.Brains.Evaluation.Models;

/// <summary>Tandem's <see cref="SessionRecommender"/> under evaluation: trained on the training sessions, then learning each test step after it is scored (or not, when <paramref name="live"/> is false).</summary>
public sealed class TandemSessionModel(GraphOptions options, bool live) : INextItemModel
{
    private readonly SessionRecommender _recommender = new(options);

    public string Name => live ? "Tandem (learning live)" : "Tandem (frozen after training)";

    public void Train(IReadOnlyList<ClickSession> sessions) => Teach(_recommender, sessions);

    /// <summary>Teaches <paramref name="recommender"/> every step of <paramref name="sessions"/>, earliest session first.</summary>
    public static void Teach(SessionRecommender recommender, IReadOnlyList<ClickSession> sessions)
    {
        foreach (var session in sessions.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            if (session.Items.Count > 0)
            {
                recommender.Popular.Add(session.Items[0], session.Times[0]);
            }

            for (var i = 1; i < session.Items.Count; i++)
            {
                recommender.Learn([.. session.Items.Take(i)], session.Items[i], session.Times[i]);
            }
        }
    }

    public IReadOnlyList<string> Recommend(IReadOnlyList<string> prefix, int count) =>
        [.. _recommender.Recommend(prefix, count).Select(p => p.Item)];

    public void Observe(IReadOnlyList<string> prefix, string following, DateTimeOffset at)
    {
        if (live)
        {
            _recommender.Learn(prefix, following, at);
        }
    }
}
