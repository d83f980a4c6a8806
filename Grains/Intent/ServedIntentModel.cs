using Tandem.Brains.Intent;

namespace Tandem.Grains.Intent;

/// <summary>The purchase-intent model a silo scores with now: its version (recorded with every score), its name, and the model.</summary>
public sealed record ServedIntentModel(string Version, string Name, IIntentModel Model)
{
    /// <summary>Served until a trained model is found: the count of views, as a score in 0–1 (views ÷ (views + 5)); a ranking, not a probability.</summary>
    public static ServedIntentModel Baseline { get; } = new("baseline-views", "number of views", new ViewsScore());

    private sealed class ViewsScore : IIntentModel
    {
        public string Name => "number of views";

        public void Train(IReadOnlyList<IntentSession> sessions)
        {
        }

        public double Score(IntentSession session)
        {
            var views = session.Events.Count(e => e.Signal == IntentSignal.View);
            return views / (views + 5.0);
        }
    }
}
