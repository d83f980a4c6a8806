using Tandem.Brains.Forecasting;
using Tandem.Grains.Forecasts.Signals;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Forecasts;

/// <summary>
/// Turns the demand grains' histories into the forecaster's panel: one series per cell on a day axis ending on the
/// origin (the last whole day), at most <see cref="IDemandGrain.KeptDays"/> days long; the platform's stores trade every
/// day; the family is the product's category; the signals are the source's readings up to the origin.
/// </summary>
internal static class DemandPanels
{
    public static DemandPanel? Build(IReadOnlyList<DemandHistory> histories, IReadOnlyDictionary<string, string> categories, IReadOnlyList<SignalReading> readings, DateOnly origin)
    {
        var first = histories.SelectMany(h => h.Days).Where(d => d.Day <= origin).Select(d => d.Day).DefaultIfEmpty(origin.AddDays(1)).Min();
        if (first > origin)
        {
            return null;
        }

        var start = first < origin.AddDays(1 - IDemandGrain.KeptDays) ? origin.AddDays(1 - IDemandGrain.KeptDays) : first;
        var days = origin.DayNumber - start.DayNumber + 1;
        var series = new List<DemandSeries>(histories.Count);
        foreach (var history in histories)
        {
            var cell = CellKey.Parse(history.Cell);
            var (units, revenue) = (new double[days], new double[days]);
            foreach (var day in history.Days)
            {
                var index = day.Day.DayNumber - start.DayNumber;
                if (index >= 0 && index < days)
                {
                    units[index] = day.Units;
                    revenue[index] = (double)day.Revenue;
                }
            }

            series.Add(new DemandSeries(cell.Sku, cell.LocationId, categories.GetValueOrDefault(cell.Sku, cell.Sku), units, revenue));
        }

        var signals = new SignalHistory(days);
        foreach (var reading in readings)
        {
            signals.Set(reading.Signal, reading.Day.DayNumber - start.DayNumber, reading.Value);
        }

        return new DemandPanel(ShopCalendar.EveryDay(start, days), series, signals);
    }
}
