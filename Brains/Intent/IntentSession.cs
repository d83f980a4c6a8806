namespace Tandem.Brains.Intent;

/// <summary>A session's behaviour in time order, whether its shopper was signed in, and (for training and evaluation) whether it bought.</summary>
public sealed record IntentSession(string Id, bool SignedIn, IReadOnlyList<IntentEvent> Events, bool Bought)
{
    public DateTimeOffset Start => Events.Count == 0 ? DateTimeOffset.MinValue : Events[0].At;
}
