namespace Tandem.Brains.Intent;

/// <summary>
/// A sequence model of purchase intent: a GRU (<see cref="GruClassifier"/>) reads a session's last
/// <see cref="MaxSteps"/> events one by one, each as the kind of event, the log of the seconds since the previous one,
/// whether its item or category was seen before in the session, its value and whether the shopper is signed in.
/// Trained with weighted cross-entropy (buyers weigh as much as non-buyers in total, at most 10× each) and Adam, for
/// a number of epochs chosen on the training sessions; seeded, so the same sessions give the same model.
/// </summary>
public sealed class SequenceIntent(int hidden = 8, int epochs = 30, int seed = 17) : IIntentModel
{
    public const int MaxSteps = 50;

    private const int Inputs = 12;
    private const int Batch = 16;
    private const double Rate = 0.01;

    private GruClassifier? _network;

    public string Name => "GRU over the event sequence";

    /// <summary>The number of epochs chosen by the last <see cref="Train"/>.</summary>
    public int ChosenEpochs { get; private set; }

    /// <summary>
    /// Chooses how many epochs to train on the training sessions alone (trained on their earlier 70 %, the epoch whose
    /// model ranks the later 30 % best by ROC AUC), then trains that long on all of them.
    /// </summary>
    public void Train(IReadOnlyList<IntentSession> sessions)
    {
        var ordered = sessions.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => (Steps: Steps(s), s.Bought)).ToList();
        var cut = (int)(ordered.Count * 0.7);
        var (early, late) = (ordered[..cut], ordered[cut..]);
        ChosenEpochs = epochs;
        if (late.Any(d => d.Bought) && late.Any(d => !d.Bought) && early.Any(d => d.Bought))
        {
            var best = double.NegativeInfinity;
            Fit(early, epochs, (epoch, network) =>
            {
                var auc = Evaluation.Ranks.RocAuc([.. late.Select(d => network.Predict(d.Steps))], [.. late.Select(d => d.Bought)]);
                if (auc > best)
                {
                    (best, ChosenEpochs) = (auc, epoch);
                }
            });
        }

        _network = Fit(ordered, ChosenEpochs, (_, _) => { });
    }

    private GruClassifier Fit(List<(IReadOnlyList<double[]> Steps, bool Bought)> data, int epochs, Action<int, GruClassifier> afterEpoch)
    {
        var network = new GruClassifier(Inputs, hidden, seed);
        var buyers = data.Count(d => d.Bought);
        var positiveWeight = buyers == 0 ? 1 : Math.Min(10, (double)(data.Count - buyers) / buyers);
        var random = new Random(seed);
        var gradient = new double[network.ParameterCount];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var order = Enumerable.Range(0, data.Count).OrderBy(_ => random.Next()).ToList();
            for (var start = 0; start < order.Count; start += Batch)
            {
                Array.Clear(gradient);
                var batch = order.Skip(start).Take(Batch).ToList();
                foreach (var i in batch)
                {
                    network.Gradient(data[i].Steps, data[i].Bought, positiveWeight, gradient);
                }

                for (var k = 0; k < gradient.Length; k++)
                {
                    gradient[k] /= batch.Count;
                }

                network.Apply(gradient, Rate);
            }

            afterEpoch(epoch, network);
        }

        return network;
    }

    public double Score(IntentSession session) => (_network ?? throw new InvalidOperationException("Train the model first.")).Predict(Steps(session));

    /// <summary>The input vectors of a session's last <see cref="MaxSteps"/> events.</summary>
    public static IReadOnlyList<double[]> Steps(IntentSession session)
    {
        var items = new HashSet<string>(StringComparer.Ordinal);
        var categories = new HashSet<string>(StringComparer.Ordinal);
        var steps = new List<double[]>(session.Events.Count);
        DateTimeOffset? previous = null;
        foreach (var e in session.Events)
        {
            var x = new double[Inputs];
            x[e.Signal == IntentSignal.ScrollSpeed ? (int)IntentSignal.Scroll : (int)e.Signal] = 1; // six kinds: a scroll's speed travels with its depth
            x[6] = previous is null ? 0 : Math.Log(1 + Math.Max(0, (e.At - previous.Value).TotalSeconds)) / 5;
            x[7] = e.Item is not null && !items.Add(e.Item) ? 1 : 0;
            x[8] = e.Category is not null && !categories.Add(e.Category) ? 1 : 0;
            x[9] = e.Signal switch
            {
                IntentSignal.Dwell => Math.Log(1 + (e.Value / 1000)) / 5,
                IntentSignal.Click => Math.Min(e.Value, 20) / 20,
                IntentSignal.Scroll => Math.Clamp(e.Value, 0, 1),
                IntentSignal.ScrollSpeed => Math.Log(1 + Math.Max(0, e.Value)) / 8,
                _ => 0,
            };
            x[10] = session.SignedIn ? 1 : 0;
            x[11] = Math.Min(steps.Count, 50) / 50.0;
            steps.Add(x);
            previous = e.At;
        }

        return steps.Count <= MaxSteps ? steps : steps[^MaxSteps..];
    }
}
