namespace Tandem.Brains.Intent;

/// <summary>A purchase-intent model: trained on sessions that did or did not buy, it scores a session's behaviour so far (higher: more likely to buy).</summary>
public interface IIntentModel
{
    string Name { get; }

    void Train(IReadOnlyList<IntentSession> sessions);

    double Score(IntentSession session);
}
