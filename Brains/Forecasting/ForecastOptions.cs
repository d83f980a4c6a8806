namespace Tandem.Brains.Forecasting;

/// <summary>How the demand forecaster trains: its horizon, the training origins and the size of the boosted model.</summary>
public sealed record ForecastOptions
{
    /// <summary>Days forecast from an origin.</summary>
    public int Horizon { get; init; } = 28;

    /// <summary>Weekly origins before the cut-off that give training rows.</summary>
    public int TrainingOrigins { get; init; } = 16;

    /// <summary>One target day in this many is kept per series and origin (deterministically), to bound the rows.</summary>
    public int DaySample { get; init; } = 3;

    public int Leaves { get; init; } = 31;

    public int Trees { get; init; } = 300;

    public double LearningRate { get; init; } = 0.05;

    public int MinimumLeafRows { get; init; } = 100;

    /// <summary>A series takes part when it sold in this many days up to the origin.</summary>
    public int ActiveDays { get; init; } = 91;

    /// <summary>The quantiles every forecast carries.</summary>
    public IReadOnlyList<double> Quantiles { get; init; } = [0.1, 0.5, 0.9];
}
