namespace Tandem.Grains.Forecasts.Signals;

/// <summary>Signals from a CSV file (<see cref="SignalCsv"/>), read anew each round so an updated file is seen.</summary>
public sealed class FileSignalSource(string path) : IDemandSignalSource
{
    public string Name => "file:" + path;

    public async Task<IReadOnlyList<SignalReading>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return SignalCsv.Parse(new StringReader(text), first, last).Readings;
    }
}
