using Tandem.Brains.Forecasting;

namespace Tandem.Grains.Forecasts;

/// <summary>The forecaster a planner serves: trained when, its version (what forecasts record), and whether it has a global model.</summary>
internal sealed record ServedForecaster(DemandForecaster Forecaster, DateTimeOffset TrainedAt, string Version);
