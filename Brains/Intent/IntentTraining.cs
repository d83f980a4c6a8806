using Tandem.Brains.Evaluation;

namespace Tandem.Brains.Intent;

/// <summary>
/// Trains the served purchase-intent model (<see cref="GradientBoostedIntent"/>) from logged sessions: it is first
/// trained on the earlier sessions and measured on the later <see cref="HeldOutShare"/> against the count of views, then
/// trained on all of them. Too few buyers or non-buyers to learn and measure from is refused with the reason.
/// </summary>
public static class IntentTraining
{
    public const double HeldOutShare = 0.2;

    /// <summary>The fewest buyers and the fewest non-buyers each part of the split must have.</summary>
    public const int MinimumPerClass = 5;

    public sealed record Result(GradientBoostedIntent Model, IntentModelCard Card, IntentScore Measured, IntentScore Views);

    public static Result Train(IReadOnlyList<IntentSession> sessions, string trainedOn, DateTimeOffset now, int bootstrap = 200)
    {
        var ordered = sessions.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var cut = (int)Math.Round(ordered.Count * (1 - HeldOutShare));
        var (train, test) = (ordered[..cut], ordered[cut..]);
        foreach (var (part, name) in new[] { (train, "earlier"), (test, "held-out") })
        {
            var buyers = part.Count(s => s.Bought);
            if (buyers < MinimumPerClass || part.Count - buyers < MinimumPerClass)
            {
                throw new InvalidOperationException(
                    $"The {name} sessions have {buyers} buyers and {part.Count - buyers} non-buyers; at least {MinimumPerClass} of each are needed ({sessions.Count} sessions logged).");
            }
        }

        var measured = IntentProtocol.Run(new GradientBoostedIntent(), train, test, bootstrap);
        var views = IntentProtocol.Run(new ViewCountIntent(), train, test, bootstrap);
        var model = new GradientBoostedIntent();
        model.Train(ordered);
        var card = new IntentModelCard
        {
            Version = "",
            Model = model.Name,
            TrainedAt = now,
            TrainedOn = trainedOn,
            Sessions = ordered.Count,
            Buyers = ordered.Count(s => s.Bought),
            HeldOutSessions = test.Count,
            HeldOutBuyers = measured.Buyers,
            RocAuc = Math.Round(measured.RocAuc, 4),
            ViewsRocAuc = Math.Round(views.RocAuc, 4),
            Features = IntentFeatures.Names,
        };
        return new Result(model, card, measured, views);
    }
}
