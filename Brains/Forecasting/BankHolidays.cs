namespace Tandem.Brains.Forecasting;

/// <summary>
/// England and Wales bank holidays, computed (New Year, Good Friday, Easter Monday, the early-May, spring and summer
/// Mondays, Christmas and Boxing Day with their weekday substitutes) plus the one-off ones announced in advance, and
/// Easter Sunday, on which shops close too.
/// </summary>
public static class BankHolidays
{
    private static readonly HashSet<DateOnly> OneOff =
    [
        new(2011, 4, 29), new(2012, 6, 5), new(2022, 6, 3), new(2022, 9, 19), new(2023, 5, 8),
    ];

    private static readonly (DateOnly From, DateOnly To)[] Moved =
    [
        (new(2012, 5, 28), new(2012, 6, 4)), (new(2020, 5, 4), new(2020, 5, 8)), (new(2022, 5, 30), new(2022, 6, 2)),
    ];

    public static bool IsHoliday(DateOnly date) => Of(date.Year).Contains(date);

    /// <summary>The year's holidays.</summary>
    public static IReadOnlySet<DateOnly> Of(int year)
    {
        var easter = EasterSunday(year);
        var days = new HashSet<DateOnly>
        {
            Substitute(new DateOnly(year, 1, 1)),
            easter.AddDays(-2),
            easter,
            easter.AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };
        var (christmas, boxing) = (new DateOnly(year, 12, 25), new DateOnly(year, 12, 26));
        days.Add(christmas.DayOfWeek switch { DayOfWeek.Saturday or DayOfWeek.Sunday => christmas.AddDays(2), _ => christmas });
        days.Add(boxing.DayOfWeek switch { DayOfWeek.Saturday or DayOfWeek.Sunday => boxing.AddDays(2), DayOfWeek.Monday when christmas.DayOfWeek == DayOfWeek.Sunday => boxing.AddDays(1), _ => boxing });
        days.Add(christmas);
        days.Add(boxing);
        foreach (var day in OneOff.Where(d => d.Year == year))
        {
            days.Add(day);
        }

        // A fixed Monday moved for a one-off celebration: the new date replaces it.
        foreach (var (from, to) in Moved.Where(m => m.To.Year == year))
        {
            days.Remove(from);
            days.Add(to);
        }

        return days;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly Substitute(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }
}
