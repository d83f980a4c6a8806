namespace Tandem.Brains.Intent;

/// <summary>Baseline: the more product pages a session opened, the likelier it buys.</summary>
public sealed class ViewCountIntent : IIntentModel
{
    public string Name => "number of views";

    public void Train(IReadOnlyList<IntentSession> sessions)
    {
    }

    public double Score(IntentSession session) => session.Events.Count(e => e.Signal == IntentSignal.View);
}
