using System.Globalization;

using Tandem.Brains.Forecasting;

namespace Tandem.Brains.Evaluation.Data;

/// <summary>
/// Reads the NOAA daily weather of the vega-datasets file (<c>seattle-weather.csv</c>: date, precipitation in mm,
/// temp_max and temp_min in °C) into a panel's signals as a stand-in: the readings are moved by whole years so that each
/// panel day takes the reading of the same calendar day in the weather's years (the places and years differ, so this tests
/// the signal's pipeline, not a real effect). A day without a reading stays missing.
/// </summary>
public static class DailyWeather
{
    public const string File = "seattle-weather.csv";

    /// <summary>Sets temperature (mean of max and min) and precipitation; returns the whole-year shift and how many days got a reading.</summary>
    public static (int Years, int Days) Apply(string folder, ShopCalendar calendar, SignalHistory signals)
    {
        var path = Path.Combine(folder, File);
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidDataException($"No {File} under {folder}.");
        }

        var readings = new Dictionary<DateOnly, (double Temperature, double Precipitation)>();
        using (var reader = new StreamReader(path))
        {
            var header = Csv.Split(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty."));
            int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no column {name}.");
            var (date, rain, high, low) = (Column("date"), Column("precipitation"), Column("temp_max"), Column("temp_min"));
            while (reader.ReadLine() is { } text)
            {
                var cells = Csv.Split(text);
                if (cells.Count == header.Count
                    && DateOnly.TryParseExact(cells[date], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    && double.TryParse(cells[rain], NumberStyles.Float, CultureInfo.InvariantCulture, out var mm)
                    && double.TryParse(cells[high], NumberStyles.Float, CultureInfo.InvariantCulture, out var max)
                    && double.TryParse(cells[low], NumberStyles.Float, CultureInfo.InvariantCulture, out var min))
                {
                    readings[day] = ((max + min) / 2, mm);
                }
            }
        }

        if (readings.Count == 0)
        {
            return (0, 0);
        }

        var first = readings.Keys.Min();
        var years = first.Year - calendar.Start.Year + (calendar.Start.AddYears(first.Year - calendar.Start.Year) < first ? 1 : 0);
        var found = 0;
        for (var day = 0; day < calendar.Days; day++)
        {
            if (readings.TryGetValue(calendar.Date(day).AddYears(years), out var reading))
            {
                signals.Set(DemandSignal.Temperature, day, reading.Temperature);
                signals.Set(DemandSignal.Precipitation, day, reading.Precipitation);
                found++;
            }
        }

        return (years, found);
    }
}
