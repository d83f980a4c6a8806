using System.Globalization;

using Tandem.Brains.Forecasting;
using Tandem.Brains.Recommendations;

namespace Tandem.Grains.Forecasts.Signals;

/// <summary>
/// Made-up signals for the demo city, the same for the same day and seed: a London-like temperature (seasonal, ±3 °C
/// day to day), rain on about a third of days, a sentiment index drifting in −1 … 1 and the competitors' price
/// wandering around ours. Nothing real: a demo and test stand-in for the file or HTTP sources.
/// </summary>
public sealed class SimulatedSignalSource(int seed) : IDemandSignalSource
{
    public string Name => "simulated";

    public Task<IReadOnlyList<SignalReading>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var readings = new List<SignalReading>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var random = new Random(Fnv1a.Of(string.Create(CultureInfo.InvariantCulture, $"{seed}|{day.DayNumber}"))); // the same readings in every process
            var season = Math.Cos(2 * Math.PI * (day.DayOfYear - 200) / 365.25);
            readings.Add(new SignalReading(day, DemandSignal.Temperature, Math.Round(11 + (7 * season) + ((random.NextDouble() - 0.5) * 6), 1)));
            readings.Add(new SignalReading(day, DemandSignal.Precipitation, random.NextDouble() < 0.35 ? Math.Round(random.NextDouble() * 12, 1) : 0));
            readings.Add(new SignalReading(day, DemandSignal.Sentiment, Math.Round(Math.Sin(day.DayNumber / 23.0) * 0.6, 2)));
            readings.Add(new SignalReading(day, DemandSignal.CompetitorPrice, Math.Round(1 + (0.08 * Math.Sin(day.DayNumber / 11.0)), 3)));
        }

        return Task.FromResult<IReadOnlyList<SignalReading>>(readings);
    }
}
