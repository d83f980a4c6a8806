using Tandem.Brains.Forecasting;

namespace Tandem.Tests.Forecasting;

public sealed class ShopCalendarTests
{
    [Fact]
    public void England_s_bank_holidays_of_2011_and_2012_are_computed_with_the_one_offs_and_the_moved_Monday()
    {
        var y2011 = BankHolidays.Of(2011);
        var y2012 = BankHolidays.Of(2012);

        foreach (var day in new DateOnly[] { new(2011, 1, 3), new(2011, 4, 22), new(2011, 4, 24), new(2011, 4, 25), new(2011, 4, 29), new(2011, 5, 2), new(2011, 5, 30), new(2011, 8, 29), new(2011, 12, 26), new(2011, 12, 27) })
        {
            Assert.Contains(day, y2011);
        }

        Assert.Contains(new DateOnly(2012, 6, 4), y2012);
        Assert.Contains(new DateOnly(2012, 6, 5), y2012);
        Assert.DoesNotContain(new DateOnly(2012, 5, 28), y2012);
        Assert.Equal(new DateOnly(2024, 3, 31), BankHolidays.EasterSunday(2024));
        Assert.False(BankHolidays.IsHoliday(new DateOnly(2011, 8, 22)));
    }

    [Fact]
    public void A_shop_closed_on_Saturdays_and_bank_holidays_is_predicted_closed_then_and_open_otherwise()
    {
        // 2011-03-01 … 2011-06-30: trades every day but Saturday, closed on the Easter holidays.
        var start = new DateOnly(2011, 3, 1);
        var traded = Enumerable.Range(0, 122).Select(d => start.AddDays(d)).Select(date => date.DayOfWeek != DayOfWeek.Saturday && !BankHolidays.IsHoliday(date)).ToArray();
        var calendar = new ShopCalendar(start, traded);
        var known = 60; // 2011-04-30: the Easter holidays are behind, the May ones ahead.

        Assert.False(calendar.IsOpen(DayOf(start, new DateOnly(2011, 5, 7)), known));
        Assert.False(calendar.IsOpen(DayOf(start, new DateOnly(2011, 5, 2)), known));
        Assert.False(calendar.IsOpen(DayOf(start, new DateOnly(2011, 5, 30)), known));
        Assert.True(calendar.IsOpen(DayOf(start, new DateOnly(2011, 5, 3)), known));
        Assert.True(calendar.IsOpen(DayOf(start, new DateOnly(2011, 5, 8)), known));
        Assert.Equal(4, calendar.OpenDays(DayOf(start, new DateOnly(2011, 5, 2)), DayOf(start, new DateOnly(2011, 5, 8)), known));
    }

    [Fact]
    public void A_known_day_is_what_happened_even_against_the_rule()
    {
        var start = new DateOnly(2011, 3, 1);
        var traded = Enumerable.Range(0, 40).Select(d => start.AddDays(d).DayOfWeek != DayOfWeek.Saturday).ToArray();
        traded[10] = false; // an unannounced closed Friday
        var calendar = new ShopCalendar(start, traded);

        Assert.False(calendar.IsOpen(10, knownThrough: 39));
        Assert.Equal(DayOfWeek.Friday, calendar.Date(10).DayOfWeek);
        Assert.True(calendar.IsOpen(10 + 35, knownThrough: 39));
    }

    [Fact]
    public void A_shop_that_traded_on_the_last_bank_holiday_is_predicted_open_on_the_next()
    {
        var start = new DateOnly(2011, 4, 1);
        var calendar = ShopCalendar.EveryDay(start, 60);

        Assert.True(calendar.IsOpen(DayOf(start, new DateOnly(2011, 5, 30)), knownThrough: 45));
    }

    [Fact]
    public void A_store_trading_every_day_is_predicted_open_on_Christmas_when_its_history_holds_no_holiday()
    {
        var start = new DateOnly(2026, 10, 2);
        var every = ShopCalendar.EveryDay(start, 60);
        var quiet = new ShopCalendar(start, [.. Enumerable.Repeat(true, 60)]);
        var christmas = DayOf(start, new DateOnly(2026, 12, 25));

        Assert.True(every.IsOpen(christmas, knownThrough: 59));
        Assert.False(quiet.IsOpen(christmas, knownThrough: 59));
    }

    private static int DayOf(DateOnly start, DateOnly date) => date.DayNumber - start.DayNumber;
}
