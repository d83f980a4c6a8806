using Tandem.Brains.Forecasting;

namespace Tandem.Brains.Evaluation;

/// <summary>One series at one backtest origin: what was known, Tandem's forecast, the horizon's actual sales and every model's forecast of them.</summary>
public sealed record BacktestSeries(SeriesAtOrigin State, SeriesForecast Forecast, double[] Actual, IReadOnlyDictionary<string, double[]> Models, double Revenue);

/// <summary>One series' lead-time check: the demand that came, the simulated mean and the two reorder points.</summary>
public sealed record StockCheck(LifecycleStage Stage, double Came, double Expected, double Simulated, double Normal)
{
    public double MillisecondsPerSeries { get; init; }
}

/// <summary>One origin of a backtest.</summary>
public sealed record BacktestOrigin(DateOnly Date, int Day, IReadOnlyList<BacktestSeries> Series, IReadOnlyDictionary<LifecycleStage, double> ModelWeights, int TrainingRows, TimeSpan Training, IReadOnlyList<StockCheck> Stock);
