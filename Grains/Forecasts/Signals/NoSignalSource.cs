namespace Tandem.Grains.Forecasts.Signals;

/// <summary>No outside signals: forecasts use sales and the calendar alone.</summary>
public sealed class NoSignalSource : IDemandSignalSource
{
    public string Name => "none";

    public Task<IReadOnlyList<SignalReading>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SignalReading>>([]);
}
