using System.Globalization;

using Tandem.Brains.Recommendations;

namespace Tandem.Brains.Forecasting;

/// <summary>
/// Forecasts every series of a panel from one cut-off day. Training: a global model is fitted on the weeks before the last
/// month, each stage's blend weight between it and the stage's fallback is the one of least scaled absolute error on
/// that month, and the month's misses become the residual pools; then the model is fitted again on everything up to the
/// cut-off. Nothing after the cut-off is read.
/// </summary>
public sealed class DemandForecaster
{
    private static readonly double[] Weights = [0, 0.25, 0.5, 0.75, 1];

    private readonly DemandPanel _panel;
    private readonly DemandFeatures _features;
    private readonly GlobalDemandModel? _model;
    private readonly IReadOnlyDictionary<LifecycleStage, double> _weights;
    private readonly ForecastResiduals _residuals;

    private DemandForecaster(DemandPanel panel, DemandFeatures features, int cutoff, ForecastOptions options, GlobalDemandModel? model, IReadOnlyDictionary<LifecycleStage, double> weights, ForecastResiduals residuals)
    {
        _panel = panel;
        _features = features;
        Cutoff = cutoff;
        Options = options;
        _model = model;
        _weights = weights;
        _residuals = residuals;
    }

    public int Cutoff { get; }

    public ForecastOptions Options { get; }

    /// <summary>The blend weight of the model per stage.</summary>
    public IReadOnlyDictionary<LifecycleStage, double> ModelWeights => _weights;

    /// <summary>The global model, or null when the forecaster serves the stages' fallbacks alone.</summary>
    public GlobalDemandModel? Model => _model;

    /// <summary>Trains on what was known on day <paramref name="cutoff"/> (inclusive).</summary>
    public static DemandForecaster Train(DemandPanel panel, int cutoff, ForecastOptions? options = null)
    {
        options ??= new ForecastOptions();
        var features = new DemandFeatures(panel);
        var held = cutoff - options.Horizon;
        if (held < 28)
        {
            throw new ArgumentException($"Day {cutoff} leaves under four weeks before a held-out month of {options.Horizon} days.", nameof(cutoff));
        }

        var early = GlobalDemandModel.Train(Rows(panel, features, held, options), options);
        var outcomes = Predict(panel, features, early, features.Active(held, options.ActiveDays), held, options.Horizon)
            .Select(p => (p.State, p.Model, p.Fallback, Actual: Actuals(panel, p.State.Series, held, options.Horizon)))
            .ToList();
        var weights = outcomes.GroupBy(o => o.State.Stage).ToDictionary(
            g => g.Key,
            g => Weights.MinBy(w => g.Sum(o => ScaledError(o.Model, o.Fallback, o.Actual, w) / o.State.Scale)));
        foreach (var stage in Enum.GetValues<LifecycleStage>())
        {
            weights.TryAdd(stage, stage == LifecycleStage.Mature ? 1 : 0.5);
        }

        var residuals = new ForecastResiduals([.. outcomes.Select(o => (o.State.Stage, Blend(o.Model, o.Fallback, weights[o.State.Stage]), o.Actual))]);
        var model = GlobalDemandModel.Train(Rows(panel, features, cutoff, options), options);
        return new DemandForecaster(panel, features, cutoff, options, model, weights, residuals);
    }

    /// <summary>
    /// A forecaster of the stages' fallbacks alone (no global model), for a shop whose history is too short or small to
    /// train one: the residual pools still come from the held-out month.
    /// </summary>
    public static DemandForecaster FallbackOnly(DemandPanel panel, int cutoff, ForecastOptions? options = null)
    {
        options ??= new ForecastOptions();
        var features = new DemandFeatures(panel);
        var held = cutoff - options.Horizon;
        if (held < 0)
        {
            throw new ArgumentException($"Day {cutoff} leaves no held-out month of {options.Horizon} days.", nameof(cutoff));
        }

        var weights = Enum.GetValues<LifecycleStage>().ToDictionary(s => s, _ => 0.0);
        var paths = Predict(panel, features, null, features.Active(held, options.ActiveDays), held, options.Horizon)
            .Select(p => (p.State.Stage, p.Fallback, Actuals(panel, p.State.Series, held, options.Horizon)))
            .ToList();
        var residuals = paths.Count > 0
            ? new ForecastResiduals(paths)
            : new ForecastResiduals([(LifecycleStage.New, [.. Enumerable.Repeat(1.0, options.Horizon)], [.. Enumerable.Repeat(1.0, options.Horizon)])]);
        return new DemandForecaster(panel, features, cutoff, options, null, weights, residuals);
    }

    /// <summary>Forecasts of every series active on the cut-off.</summary>
    public IReadOnlyList<SeriesForecast> ForecastAll(bool explain = false) => Forecast(_panel, Cutoff, null, explain, Options.ActiveDays);

    /// <summary>The forecast of one series from the cut-off, or null when it had not sold by then.</summary>
    public SeriesForecast? Forecast(DemandSeries series, bool explain = true) =>
        Forecast(_panel, Cutoff, s => s.Key == series.Key, explain) is [var forecast] ? forecast : null;

    /// <summary>
    /// Forecasts from day <paramref name="origin"/> of another panel of the same shape (the same shop a day or a
    /// quarter of an hour later) with what was learned at training: every series <paramref name="only"/> admits that sold by then.
    /// </summary>
    public IReadOnlyList<SeriesForecast> Forecast(DemandPanel panel, int origin, Func<DemandSeries, bool>? only, bool explain, int activeDays = int.MaxValue / 2)
    {
        var features = ReferenceEquals(panel, _panel) ? _features : new DemandFeatures(panel);
        return [.. Predict(panel, features, _model, features.Active(origin, activeDays, only), origin, Options.Horizon).Select(p => Shape(features, p.State, p.Model, p.Fallback, explain))];
    }

    private SeriesForecast Shape(DemandFeatures features, SeriesAtOrigin state, double[] model, double[] fallback, bool explain)
    {
        var weight = _weights[state.Stage];
        var mean = Blend(model, fallback, weight);
        var pool = _residuals.For(state.Stage, mean.Average());
        var quantiles = Options.Quantiles.ToDictionary(q => q, q => mean.Select(m => pool is null ? PoissonSales.Quantile(m, q) : m * pool.DailyRatio(q)).ToArray());
        var effects = new Dictionary<DemandSignal, double>();
        if (explain && _model is not null)
        {
            var rows = features.Of(state, Options.Horizon);
            foreach (var (signal, index) in DemandFeatures.SignalIndex)
            {
                if (rows.All(r => float.IsNaN(r[index])))
                {
                    continue;
                }

                var without = _model.Predict([.. rows.Select(r => { var copy = (float[])r.Clone(); copy[index] = float.NaN; return copy; })]);
                var change = 0.0;
                for (var i = 0; i < without.Length; i++)
                {
                    change += mean[i] > 0 ? weight * (model[i] - (without[i] * state.Scale)) : 0;
                }

                effects[signal] = change;
            }
        }

        return new SeriesForecast
        {
            Key = state.Series.Key,
            Origin = state.Origin,
            Stage = state.Stage,
            Mean = mean,
            Model = model,
            Fallback = fallback,
            ModelWeight = weight,
            Quantiles = quantiles,
            Residuals = pool,
            SignalEffects = effects,
        };
    }

    private static IEnumerable<(SeriesAtOrigin State, double[] Model, double[] Fallback)> Predict(DemandPanel panel, DemandFeatures features, GlobalDemandModel? model, IReadOnlyList<SeriesAtOrigin> states, int origin, int horizon)
    {
        var open = Enumerable.Range(1, horizon).Select(ahead => panel.Calendar.IsOpen(origin + ahead, origin)).ToArray();
        var rows = new List<float[]>(states.Count * horizon);
        if (model is not null)
        {
            foreach (var state in states)
            {
                rows.AddRange(features.Of(state, horizon));
            }
        }

        var scores = model?.Predict(rows) ?? new float[states.Count * horizon];
        for (var s = 0; s < states.Count; s++)
        {
            var (predicted, fallback) = (new double[horizon], new double[horizon]);
            for (var i = 0; i < horizon; i++)
            {
                predicted[i] = open[i] ? scores[(s * horizon) + i] * states[s].Scale : 0;
                fallback[i] = open[i] ? states[s].Fallback : 0;
            }

            yield return (states[s], predicted, fallback);
        }
    }

    /// <summary>Training rows for a model that knows day <paramref name="cutoff"/>: weekly origins before it, target days up to it.</summary>
    private static List<(float[] Features, float Label)> Rows(DemandPanel panel, DemandFeatures features, int cutoff, ForecastOptions options)
    {
        var origins = Enumerable.Range(0, options.TrainingOrigins).Select(k => cutoff - 1 - (7 * k)).Where(o => o >= 28).ToList();
        var perOrigin = new List<(float[], float)>[origins.Count];
        Parallel.For(0, origins.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, k =>
        {
            var origin = origins[k];
            var rows = new List<(float[], float)>();
            foreach (var state in features.Active(origin, options.ActiveDays))
            {
                var common = features.Common(state);
                for (var ahead = 1; ahead <= options.Horizon && origin + ahead <= cutoff; ahead++)
                {
                    var day = origin + ahead;
                    if (!panel.Calendar.IsOpen(day, cutoff) || Sampled(state.Series.Key, origin, ahead) % options.DaySample != 0)
                    {
                        continue;
                    }

                    rows.Add((features.Of(state, ahead, common), (float)(state.Series.Units[day] / state.Scale)));
                }
            }

            perOrigin[k] = rows;
        });
        return [.. perOrigin.SelectMany(r => r)];
    }

    private static uint Sampled(string key, int origin, int ahead) => (uint)Fnv1a.Of(string.Create(CultureInfo.InvariantCulture, $"{key}|{origin}|{ahead}")) >> 8;

    private static double[] Actuals(DemandPanel panel, DemandSeries series, int origin, int horizon) =>
        [.. Enumerable.Range(origin + 1, horizon).Select(day => day < panel.Days ? series.Units[day] : 0)];

    private static double[] Blend(double[] model, double[] fallback, double weight) =>
        [.. model.Zip(fallback, (m, f) => (weight * m) + ((1 - weight) * f))];

    private static double ScaledError(double[] model, double[] fallback, double[] actual, double weight)
    {
        var error = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            error += Math.Abs(actual[i] - ((weight * model[i]) + ((1 - weight) * fallback[i])));
        }

        return error;
    }
}
