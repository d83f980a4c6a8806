using Tandem.Brains.Forecasting;

namespace Tandem.Brains.Evaluation;

/// <summary>A demand backtest's setting: how many origins, the forecaster's options, the target service level and the simulated paths.</summary>
public sealed record BacktestOptions
{
    public int Origins { get; init; } = 3;

    public ForecastOptions Forecast { get; init; } = new();

    public double ServiceLevel { get; init; } = 0.95;

    public int Paths { get; init; } = 10_000;

    public int Seed { get; init; } = 1;
}
