using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

using Tandem.Brains.Evaluation;

namespace Tandem.Brains.Intent;

/// <summary>
/// Gradient-boosted trees (ML.NET LightGBM) over <see cref="IntentFeatures"/>. How big the trees are and how many are
/// grown is chosen on the training sessions alone: each setting of a small grid is trained on their earlier 70 % and
/// ranked by ROC AUC on the later 30 %, then the best is trained on all of them. Deterministic (one thread, fixed seed).
/// </summary>
public sealed class GradientBoostedIntent : IIntentModel
{
    private static readonly (int Leaves, int Trees)[] Grid = [(2, 50), (2, 150), (4, 50), (4, 150), (8, 50), (8, 150)];

    private readonly MLContext _ml = new(seed: 17);
    private PredictionEngine<Row, Prediction>? _engine;

    public string Name => "gradient-boosted trees (LightGBM)";

    /// <summary>The setting chosen by the last <see cref="Train"/>.</summary>
    public (int Leaves, int Trees) Chosen { get; private set; }

    public void Train(IReadOnlyList<IntentSession> sessions)
    {
        var ordered = sessions.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var cut = (int)(ordered.Count * 0.7);
        var (early, late) = (ordered[..cut], ordered[cut..]);
        Chosen = late.Any(s => s.Bought) && late.Any(s => !s.Bought) && early.Count(s => s.Bought) >= 2
            ? Grid.MaxBy(setting =>
            {
                var engine = Fit(early, setting);
                return Ranks.RocAuc([.. late.Select(s => (double)engine.Predict(Features(s)).Probability)], [.. late.Select(s => s.Bought)]);
            })
            : Grid[0];
        _engine = Fit(ordered, Chosen);
    }

    public double Score(IntentSession session) =>
        (_engine ?? throw new InvalidOperationException("Train the model first.")).Predict(Features(session)).Probability;

    private PredictionEngine<Row, Prediction> Fit(IReadOnlyList<IntentSession> sessions, (int Leaves, int Trees) setting)
    {
        var data = _ml.Data.LoadFromEnumerable(sessions.Select(s => Features(s) with { Label = s.Bought }));
        var trainer = _ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfLeaves = setting.Leaves,
            MinimumExampleCountPerLeaf = 20,
            NumberOfIterations = setting.Trees,
            LearningRate = 0.05,
            NumberOfThreads = 1,
            Seed = 17,
        });
        return _ml.Model.CreatePredictionEngine<Row, Prediction>(trainer.Fit(data));
    }

    private static Row Features(IntentSession session) => new() { Features = IntentFeatures.From(session.Events, session.SignedIn) };

    private sealed record Row
    {
        [VectorType(IntentFeatures.Count)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private sealed class Prediction
    {
        public float Probability { get; set; }
    }
}
