namespace Tandem.Brains.Forecasting;

/// <summary>Many series' daily demand on one day axis, the shop's calendar and the outside signals over the same days.</summary>
public sealed class DemandPanel
{
    public DemandPanel(ShopCalendar calendar, IReadOnlyList<DemandSeries> series, SignalHistory signals)
    {
        if (series.Any(s => s.Units.Count != calendar.Days) || signals.Days != calendar.Days)
        {
            throw new ArgumentException("Every series and the signals must cover the calendar's days.", nameof(series));
        }

        Calendar = calendar;
        Series = series;
        Signals = signals;
    }

    public ShopCalendar Calendar { get; }

    public IReadOnlyList<DemandSeries> Series { get; }

    public SignalHistory Signals { get; }

    public int Days => Calendar.Days;
}
