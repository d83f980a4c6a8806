using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

using Tandem.Brains.Evaluation;

namespace Tandem.Brains.Intent;

/// <summary>
/// Gradient-boosted trees (ML.NET LightGBM) over <see cref="IntentFeatures"/>. How big the trees are and how many are
/// grown is chosen on the training sessions alone: each setting of a small grid is trained on their earlier 70 % and
/// ranked by ROC AUC on the later 30 %, then the best is trained on all of them. Deterministic (one thread, fixed seed).
/// A trained model is saved to and loaded from a stream (ML.NET's model zip); scoring is safe from many threads at once.
/// </summary>
public sealed class GradientBoostedIntent : IIntentModel, IDisposable
{
    private static readonly (int Leaves, int Trees)[] Grid = [(2, 50), (2, 150), (4, 50), (4, 150), (8, 50), (8, 150)];

    private readonly MLContext _ml = new(seed: 17);
    private ITransformer? _model;
    private DataViewSchema? _schema;
    private ThreadLocal<PredictionEngine<Row, Prediction>>? _engines;

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
                var (model, _) = Fit(early, setting);
                var engine = _ml.Model.CreatePredictionEngine<Row, Prediction>(model);
                return Ranks.RocAuc([.. late.Select(s => (double)engine.Predict(Features(s)).Probability)], [.. late.Select(s => s.Bought)]);
            })
            : Grid[0];
        var (chosen, schema) = Fit(ordered, Chosen);
        Serve(chosen, schema);
    }

    public double Score(IntentSession session) =>
        (_engines ?? throw new InvalidOperationException("Train or load the model first.")).Value!.Predict(Features(session)).Probability;

    /// <summary>Writes the trained model (ML.NET's zip).</summary>
    public void Save(Stream to) =>
        _ml.Model.Save(_model ?? throw new InvalidOperationException("Train the model first."), _schema, to);

    /// <summary>A model written by <see cref="Save"/>.</summary>
    public static GradientBoostedIntent Load(Stream from)
    {
        var intent = new GradientBoostedIntent();
        var model = intent._ml.Model.Load(from, out var schema);
        intent.Serve(model, schema);
        return intent;
    }

    public void Dispose() => _engines?.Dispose();

    private void Serve(ITransformer model, DataViewSchema schema)
    {
        _model = model;
        _schema = schema;
        _engines?.Dispose();
        _engines = new ThreadLocal<PredictionEngine<Row, Prediction>>(() => _ml.Model.CreatePredictionEngine<Row, Prediction>(model));
    }

    private (ITransformer Model, DataViewSchema Schema) Fit(IReadOnlyList<IntentSession> sessions, (int Leaves, int Trees) setting)
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
        return (trainer.Fit(data), data.Schema);
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
