using System.Globalization;

using Tandem.Brains.Forecasting;

namespace Tandem.Grains.Forecasts.Signals;

/// <summary>
/// The signal files' format: a header <c>date,signal,value</c>, then one reading per line (<c>2026-11-30,temperature,7.5</c>;
/// signals <c>temperature</c>, <c>precipitation</c>, <c>sentiment</c>, <c>competitorPrice</c>). A line that does not
/// parse is skipped and counted, never guessed.
/// </summary>
public static class SignalCsv
{
    public static (List<SignalReading> Readings, int Skipped) Parse(TextReader reader, DateOnly from, DateOnly to)
    {
        var readings = new List<SignalReading>();
        var skipped = 0;
        var header = reader.ReadLine();
        if (header is null || !header.Trim().Equals("date,signal,value", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException("A signal file starts with the header date,signal,value.");
        }

        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            if (cells.Length != 3
                || !DateOnly.TryParseExact(cells[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || !Enum.TryParse<DemandSignal>(cells[1].Trim(), ignoreCase: true, out var signal) || !Enum.IsDefined(signal)
                || !double.TryParse(cells[2].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                skipped++;
                continue;
            }

            if (day >= from && day <= to)
            {
                readings.Add(new SignalReading(day, signal, value));
            }
        }

        return (readings, skipped);
    }
}
