using System.Globalization;

using Tandem.Brains.Forecasting;

namespace Tandem.Brains.Evaluation.Data;

/// <summary>
/// Reads UCI Online Retail's daily item × country demand (<c>daily_item_country_demand.csv</c>) as a demand panel: one
/// series per product (stock codes of five digits and an optional letter suffix; postage, fees and discounts are not
/// products) and country, units sold and revenue per day, the family being the code's first three digits (a stand-in for
/// a category: neighbouring codes are related goods). The shop traded on a day when anything sold on it.
/// </summary>
public static class OnlineRetailDemand
{
    public const string File = "daily_item_country_demand.csv";

    public static DemandPanel Read(string folder)
    {
        var path = Path.Combine(folder, File);
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidDataException($"No {File} under {folder}.");
        }

        var rows = new List<(DateOnly Date, string Country, string Code, double Units, double Revenue)>();
        using (var reader = new StreamReader(path))
        {
            var header = Csv.Split(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty."));
            int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no column {name}.");
            var (date, country, code, units, revenue) = (Column("date"), Column("country"), Column("stock_code"), Column("units_sold"), Column("revenue_gbp"));
            var line = 1;
            while (reader.ReadLine() is { } text)
            {
                line++;
                var cells = Csv.Split(text);
                if (cells.Count != header.Count)
                {
                    throw new InvalidDataException($"{path}:{line}: expected {header.Count} cells, got {cells.Count}.");
                }

                if (!RetailStockCodes.IsProduct(cells[code]))
                {
                    continue;
                }

                rows.Add((
                    DateOnly.ParseExact(cells[date], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    cells[country],
                    cells[code].ToUpperInvariant(),
                    double.Parse(cells[units], NumberStyles.Float, CultureInfo.InvariantCulture),
                    double.Parse(cells[revenue], NumberStyles.Float, CultureInfo.InvariantCulture)));
            }
        }

        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{path} holds no product rows.");
        }

        var start = rows.Min(r => r.Date);
        var days = rows.Max(r => r.Date).DayNumber - start.DayNumber + 1;
        var traded = new bool[days];
        var series = new List<DemandSeries>();
        foreach (var group in rows.GroupBy(r => (r.Code, r.Country)).OrderBy(g => g.Key.Country, StringComparer.Ordinal).ThenBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            var (units, revenue) = (new double[days], new double[days]);
            foreach (var row in group)
            {
                var day = row.Date.DayNumber - start.DayNumber;
                units[day] += Math.Max(0, row.Units);
                revenue[day] += Math.Max(0, row.Revenue);
                traded[day] |= row.Units > 0;
            }

            series.Add(new DemandSeries(group.Key.Code, group.Key.Country, group.Key.Code[..3], units, revenue));
        }

        return new DemandPanel(new ShopCalendar(start, traded), series, new SignalHistory(days));
    }
}
