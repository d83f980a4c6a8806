namespace Tandem.Brains.Forecasting;

/// <summary>
/// When a shop trades. Up to the last known day it is what happened (a day on which nothing sold was a closed day);
/// after it, a day is closed when it is a weekday the shop has not traded on in its last twelve known weeks, a bank
/// holiday (<see cref="BankHolidays"/>) on which the shop was closed the last time one was in its history (when none
/// was: as the calendar was told), or a day of the Christmas break it took the year before.
/// </summary>
public sealed class ShopCalendar
{
    private readonly DateOnly _start;
    private readonly bool[] _traded;
    private readonly bool _holidaysClosed;

    /// <param name="start">The first day.</param>
    /// <param name="traded">Whether the shop traded on each day from the first.</param>
    /// <param name="holidaysClosed">What a bank holiday is when the history holds none: closed (a shop that closes on its quiet days), or open.</param>
    public ShopCalendar(DateOnly start, IReadOnlyList<bool> traded, bool holidaysClosed = true)
    {
        _start = start;
        _traded = [.. traded];
        _holidaysClosed = holidaysClosed;
    }

    /// <summary>A shop that trades every day, bank holidays included (the platform's own stores).</summary>
    public static ShopCalendar EveryDay(DateOnly start, int days) => new(start, [.. Enumerable.Repeat(true, days)], holidaysClosed: false);

    public DateOnly Start => _start;

    public int Days => _traded.Length;

    public DateOnly Date(int day) => _start.AddDays(day);

    /// <summary>Whether the shop trades on <paramref name="day"/>, known only through day <paramref name="knownThrough"/>.</summary>
    public bool IsOpen(int day, int knownThrough)
    {
        knownThrough = Math.Min(knownThrough, _traded.Length - 1);
        if (day <= knownThrough)
        {
            return day >= 0 && _traded[day];
        }

        var date = Date(day);
        if (ClosedWeekday(date.DayOfWeek, knownThrough))
        {
            return false;
        }

        if (BankHolidays.IsHoliday(date))
        {
            return !ClosedOnLastHoliday(knownThrough);
        }

        var lastYear = date.AddYears(-1);
        var then = lastYear.DayNumber - _start.DayNumber;
        var christmas = date.Month == 12 && date.Day >= 20 || date.Month == 1 && date.Day <= 7;
        return !(christmas && then >= 0 && then <= knownThrough && !_traded[then] && !ClosedWeekday(lastYear.DayOfWeek, knownThrough));
    }

    /// <summary>How many days the shop trades on from <paramref name="from"/> to <paramref name="to"/> − 1.</summary>
    public int OpenDays(int from, int to, int knownThrough)
    {
        var open = 0;
        for (var day = from; day < to; day++)
        {
            open += IsOpen(day, knownThrough) ? 1 : 0;
        }

        return open;
    }

    private bool ClosedWeekday(DayOfWeek weekday, int knownThrough)
    {
        var seen = 0;
        for (var day = knownThrough; day >= 0 && day > knownThrough - 84; day--)
        {
            if (Date(day).DayOfWeek != weekday)
            {
                continue;
            }

            seen++;
            if (_traded[day])
            {
                return false;
            }
        }

        return seen >= 4;
    }

    private bool ClosedOnLastHoliday(int knownThrough)
    {
        for (var day = knownThrough; day >= 0; day--)
        {
            var date = Date(day);
            if (BankHolidays.IsHoliday(date) && !ClosedWeekday(date.DayOfWeek, knownThrough))
            {
                return !_traded[day];
            }
        }

        return _holidaysClosed;
    }
}
