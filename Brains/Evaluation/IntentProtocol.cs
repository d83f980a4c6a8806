using System.Diagnostics;

using Tandem.Brains.Intent;

namespace Tandem.Brains.Evaluation;

/// <summary>Trains an intent model on earlier sessions and ranks later ones by it: ROC AUC and PR AUC with bootstrap intervals.</summary>
public static class IntentProtocol
{
    public static IntentScore Run(IIntentModel model, IReadOnlyList<IntentSession> train, IReadOnlyList<IntentSession> test, int rounds = 1000)
    {
        var clock = Stopwatch.StartNew();
        model.Train(train);
        var scores = test.Select(model.Score).ToList();
        var labels = test.Select(s => s.Bought).ToList();
        var (rocLow, rocHigh) = Ranks.Bootstrap(scores, labels, Ranks.RocAuc, rounds);
        var (prLow, prHigh) = Ranks.Bootstrap(scores, labels, Ranks.AveragePrecision, rounds);
        return new IntentScore(
            model.Name, test.Count, labels.Count(b => b), Ranks.RocAuc(scores, labels), rocLow, rocHigh, Ranks.AveragePrecision(scores, labels), prLow, prHigh, clock.Elapsed);
    }
}
