namespace Tandem.Brains.Forecasting;

/// <summary>
/// One item's daily demand at one location on its panel's day axis (day 0 is the panel's first day): units sold and
/// revenue per day, with running totals so any window's sum is one subtraction.
/// </summary>
public sealed class DemandSeries
{
    private readonly double[] _units;
    private readonly double[] _revenue;

    public DemandSeries(string item, string location, string family, IReadOnlyList<double> units, IReadOnlyList<double> revenue)
    {
        if (units.Count != revenue.Count)
        {
            throw new ArgumentException("Units and revenue must cover the same days.", nameof(revenue));
        }

        Item = item;
        Location = location;
        Family = family;
        Units = [.. units];
        _units = new double[units.Count + 1];
        _revenue = new double[units.Count + 1];
        FirstSale = -1;
        for (var day = 0; day < units.Count; day++)
        {
            if (units[day] < 0 || revenue[day] < 0)
            {
                throw new ArgumentException($"Day {day}: units and revenue cannot be negative.", nameof(units));
            }

            if (FirstSale < 0 && units[day] > 0)
            {
                FirstSale = day;
            }

            _units[day + 1] = _units[day] + units[day];
            _revenue[day + 1] = _revenue[day] + revenue[day];
        }
    }

    public string Item { get; }

    public string Location { get; }

    /// <summary>The item's family (its category, or a stand-in for one), whose new items share a prior.</summary>
    public string Family { get; }

    public string Key => $"{Item}@{Location}";

    public IReadOnlyList<double> Units { get; }

    /// <summary>The first day with a sale, or −1.</summary>
    public int FirstSale { get; }

    /// <summary>Units sold on days <paramref name="from"/> … <paramref name="to"/> − 1 (clipped to the axis).</summary>
    public double UnitsBetween(int from, int to) => Window(_units, from, to);

    /// <summary>Revenue on days <paramref name="from"/> … <paramref name="to"/> − 1 (clipped to the axis).</summary>
    public double RevenueBetween(int from, int to) => Window(_revenue, from, to);

    /// <summary>The last day before <paramref name="before"/> with a sale, or −1.</summary>
    public int LastSaleBefore(int before)
    {
        for (var day = Math.Min(before, Units.Count) - 1; day >= 0; day--)
        {
            if (Units[day] > 0)
            {
                return day;
            }
        }

        return -1;
    }

    private static double Window(double[] running, int from, int to)
    {
        from = Math.Clamp(from, 0, running.Length - 1);
        to = Math.Clamp(to, 0, running.Length - 1);
        return to > from ? running[to] - running[from] : 0;
    }
}
