using Tandem.Brains.Forecasting;

namespace Tandem.Brains.Evaluation;

/// <summary>The scores of a demand backtest, gathered origin by origin.</summary>
public sealed class BacktestReport
{
    private static readonly (string Name, Func<DemandSeries, string> Group)[] Levels =
    [
        ("total", _ => ""),
        ("location", s => s.Location),
        ("item", s => s.Item),
        ("item × location", s => s.Key),
    ];

    private readonly List<(string Model, LifecycleStage Stage, double Mase)> _mase = [];
    private readonly List<(string Model, int Origin, double Wrmsse, IReadOnlyDictionary<LifecycleStage, double> PerStage)> _wrmsse = [];
    private readonly List<(double Level, int Under, int Below, int Days)> _coverage = [];
    private readonly List<StockCheck> _stock = [];

    public BacktestReport(IReadOnlyList<int> observedLeadTimes, bool weather)
    {
        ObservedLeadTimes = observedLeadTimes;
        Weather = weather;
    }

    public IReadOnlyList<int> ObservedLeadTimes { get; }

    public bool Weather { get; }

    public List<BacktestOrigin> Origins { get; } = [];

    public IReadOnlyList<string> Models => [.. _mase.Select(m => m.Model).Distinct()];

    public void Add(BacktestOrigin origin, DemandPanel panel)
    {
        Origins.Add(origin with { Series = [] });
        var traded = Enumerable.Range(0, panel.Days).Select(d => panel.Calendar.IsOpen(d, origin.Day)).ToArray();
        var models = origin.Series[0].Models.Keys.ToList();
        var scales = origin.Series.Select(s => ForecastAccuracy.Scales(s.Series().Units, traded, origin.Day)).ToList();
        for (var i = 0; i < origin.Series.Count; i++)
        {
            foreach (var model in models)
            {
                var mase = ForecastAccuracy.Mase(origin.Series[i].Actual, origin.Series[i].Models[model], scales[i].Mase);
                if (!double.IsNaN(mase))
                {
                    _mase.Add((model, origin.Series[i].State.Stage, mase));
                }
            }
        }

        foreach (var model in models)
        {
            var levels = Levels.Select(level => Weighted(origin, model, level.Group, traded, stage: null)).ToList();
            var perStage = Enum.GetValues<LifecycleStage>().ToDictionary(s => s, s => Weighted(origin, model, s2 => s2.Key, traded, s));
            _wrmsse.Add((model, origin.Day, levels.Average(), perStage));
        }

        foreach (var series in origin.Series)
        {
            foreach (var (level, values) in series.Forecast.Quantiles)
            {
                var (under, below, days) = (0, 0, 0);
                for (var d = 0; d < series.Actual.Length; d++)
                {
                    if (series.Forecast.Mean[d] > 0)
                    {
                        days++;
                        under += series.Actual[d] < values[d] ? 1 : 0;
                        below += series.Actual[d] <= values[d] ? 1 : 0;
                    }
                }

                _coverage.Add((level, under, below, days));
            }
        }

        _stock.AddRange(origin.Stock);
    }

    /// <summary>Mean MASE of a model over every scored series and origin, for one stage or all.</summary>
    public (double Mase, int Series) Mase(string model, LifecycleStage? stage = null)
    {
        var scores = _mase.Where(m => m.Model == model && (stage is null || m.Stage == stage)).Select(m => m.Mase).ToList();
        return (scores.Count == 0 ? double.NaN : scores.Average(), scores.Count);
    }

    /// <summary>The WRMSSE-style score averaged over the origins (four levels), or for one stage (item × location level).</summary>
    public double Wrmsse(string model, LifecycleStage? stage = null) =>
        _wrmsse.Where(w => w.Model == model).Select(w => stage is { } s ? w.PerStage[s] : w.Wrmsse).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average();

    /// <summary>
    /// The share of forecast trading days whose actual fell below each quantile, and at or below it: sales are whole
    /// units and mostly zero, so a calibrated quantile level lies between the two shares.
    /// </summary>
    public IReadOnlyDictionary<double, (double Under, double Below)> Coverage() =>
        _coverage.GroupBy(c => c.Level).ToDictionary(g => g.Key, g => ((double)g.Sum(c => c.Under) / Math.Max(1, g.Sum(c => c.Days)), (double)g.Sum(c => c.Below) / Math.Max(1, g.Sum(c => c.Days))));

    /// <summary>Achieved cycle service level and mean reorder point (the stock kept for the lead time) of the simulation and of z·σ·√L, for one stage or all.</summary>
    public (int Series, double Simulated, double Normal, double SimulatedStock, double NormalStock) Stock(LifecycleStage? stage = null)
    {
        var checks = _stock.Where(c => stage is null || c.Stage == stage).ToList();
        if (checks.Count == 0)
        {
            return (0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return (
            checks.Count,
            checks.Average(c => c.Came <= c.Simulated ? 1.0 : 0),
            checks.Average(c => c.Came <= c.Normal ? 1.0 : 0),
            checks.Average(c => Math.Max(0, c.Simulated)),
            checks.Average(c => Math.Max(0, c.Normal)));
    }

    /// <summary>Milliseconds to simulate one series' lead-time demand, averaged over the origins.</summary>
    public double SimulationMilliseconds => Origins.Select(o => o.Stock.Count > 0 ? o.Stock[0].MillisecondsPerSeries : 0).Average();

    private static double Weighted(BacktestOrigin origin, string model, Func<DemandSeries, string> group, bool[] traded, LifecycleStage? stage)
    {
        var members = origin.Series.Where(s => stage is null || s.State.Stage == stage).GroupBy(s => group(s.Series()), StringComparer.Ordinal).ToList();
        var total = members.Sum(g => g.Sum(s => s.Revenue));
        if (total <= 0)
        {
            return double.NaN;
        }

        var score = 0.0;
        foreach (var g in members)
        {
            var weight = g.Sum(s => s.Revenue) / total;
            if (weight <= 0)
            {
                continue;
            }

            var history = new double[origin.Day + 1];
            var horizon = g.First().Actual.Length;
            var (actual, forecast) = (new double[horizon], new double[horizon]);
            foreach (var s in g)
            {
                for (var d = 0; d <= origin.Day; d++)
                {
                    history[d] += s.Series().Units[d];
                }

                for (var d = 0; d < horizon; d++)
                {
                    actual[d] += s.Actual[d];
                    forecast[d] += s.Models[model][d];
                }
            }

            var rmsse = ForecastAccuracy.Rmsse(actual, forecast, ForecastAccuracy.Scales(history, traded, origin.Day).Rmsse);
            if (!double.IsNaN(rmsse))
            {
                score += weight * rmsse;
            }
        }

        return score;
    }
}

internal static class BacktestSeriesExtensions
{
    public static DemandSeries Series(this BacktestSeries series) => series.State.Series;
}
