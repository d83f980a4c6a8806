using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Tandem.Brains.Forecasting;

/// <summary>
/// One gradient-boosted model (ML.NET LightGBM) for every series at once: it learns a target day's sales divided by the
/// series' scale from <see cref="DemandFeatures"/>, so a slow and a fast seller teach it the same shapes. Deterministic
/// (fixed seed, one thread); scoring takes rows in batches.
/// </summary>
public sealed class GlobalDemandModel
{
    /// <summary>A label above this many times the series' scale is cut to it: one wholesaler's order must not teach every item.</summary>
    public const float LabelCap = 30;

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private GlobalDemandModel(MLContext ml, ITransformer model, DataViewSchema schema, int rows)
    {
        _ml = ml;
        _model = model;
        Schema = schema;
        Rows = rows;
    }

    public DataViewSchema Schema { get; }

    /// <summary>How many rows it was trained on.</summary>
    public int Rows { get; }

    /// <summary>Trains on rows of features and scaled labels.</summary>
    public static GlobalDemandModel Train(IReadOnlyList<(float[] Features, float Label)> rows, ForecastOptions options)
    {
        if (rows.Count == 0)
        {
            throw new ArgumentException("No rows to learn from.", nameof(rows));
        }

        var ml = new MLContext(seed: 17);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Features = r.Features, Label = Math.Clamp(r.Label, 0, LabelCap) }));
        var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumLeafRows,
            NumberOfIterations = options.Trees,
            LearningRate = options.LearningRate,
            NumberOfThreads = 1,
            Seed = 17,
            Deterministic = true,
        });
        return new GlobalDemandModel(ml, trainer.Fit(data), data.Schema, rows.Count);
    }

    /// <summary>A model written by <see cref="Save"/>.</summary>
    public static GlobalDemandModel Load(Stream from)
    {
        var ml = new MLContext(seed: 17);
        var model = ml.Model.Load(from, out var schema);
        return new GlobalDemandModel(ml, model, schema, 0);
    }

    public void Save(Stream to) => _ml.Model.Save(_model, Schema, to);

    /// <summary>The scaled prediction of each row (never below zero).</summary>
    public float[] Predict(IReadOnlyList<float[]> features)
    {
        if (features.Count == 0)
        {
            return [];
        }

        var data = _ml.Data.LoadFromEnumerable(features.Select(f => new Row { Features = f }));
        var scores = _model.Transform(data).GetColumn<float>("Score").ToArray();
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = float.IsNaN(scores[i]) ? 0 : Math.Max(0, scores[i]);
        }

        return scores;
    }

    private sealed class Row
    {
        [VectorType(DemandFeatures.Count)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
