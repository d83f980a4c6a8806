using Tandem.Brains.Forecasting;

namespace Tandem.Grains.Forecasts.Signals;

/// <summary>Where the forecaster's outside signals come from (a port): daily readings of each signal it has.</summary>
public interface IDemandSignalSource
{
    /// <summary>A short description for forecasts' inputs (e.g. <c>file:/data/signals.csv</c>).</summary>
    string Name { get; }

    /// <summary>The readings of days <paramref name="first"/> … <paramref name="last"/> (inclusive); days or signals without one are left out.</summary>
    Task<IReadOnlyList<SignalReading>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken);
}

/// <summary>One day's reading of one signal.</summary>
public sealed record SignalReading(DateOnly Day, DemandSignal Signal, double Value);
