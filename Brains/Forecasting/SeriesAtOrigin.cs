namespace Tandem.Brains.Forecasting;

/// <summary>
/// What is known about one series on the day a forecast is made (its origin, inclusive): its trading-day sales since its
/// first sale, its stage, its scale (mean trading-day sales of the last 60 trading days, or since its first sale when
/// those sold nothing) and the classical forecasts that serve as fallbacks.
/// </summary>
public sealed class SeriesAtOrigin
{
    private SeriesAtOrigin(DemandSeries series, int origin, double[] history, double familyLevel)
    {
        Series = series;
        Origin = origin;
        History = history;
        Stage = Lifecycle.Of(history);
        var recent = Mean(60);
        var whole = history.Average();
        Scale = recent > 0 ? recent : whole;
        FamilyLevel = familyLevel;
        Tsb = Smoothing.Tsb(history);
        Ses = Smoothing.Ses(history);
        Prior = history.Length >= Lifecycle.NewOpenDays ? Ses : (whole * history.Length / Lifecycle.NewOpenDays) + (familyLevel * (1 - ((double)history.Length / Lifecycle.NewOpenDays)));
    }

    public DemandSeries Series { get; }

    public int Origin { get; }

    /// <summary>Sales on each trading day from the first sale to the origin, oldest first.</summary>
    public IReadOnlyList<double> History { get; }

    public LifecycleStage Stage { get; }

    public double Scale { get; }

    /// <summary>Mean trading-day sales of the established items of the same family at the same location (last 28 days).</summary>
    public double FamilyLevel { get; }

    public double Tsb { get; }

    public double Ses { get; }

    /// <summary>A new item's own mean drawn towards its family's level the younger it is; exponential smoothing otherwise.</summary>
    public double Prior { get; }

    /// <summary>The fallback the stage calls for: the family prior (new), TSB (intermittent), smoothing (declining, mature).</summary>
    public double Fallback => Stage switch
    {
        LifecycleStage.New => Prior,
        LifecycleStage.Intermittent => Tsb,
        _ => Ses,
    };

    /// <summary>The series at <paramref name="origin"/>, or null when it has not sold by then.</summary>
    public static SeriesAtOrigin? Of(DemandSeries series, ShopCalendar calendar, int origin, double familyLevel)
    {
        if (series.FirstSale < 0 || series.FirstSale > origin)
        {
            return null;
        }

        var history = new List<double>(origin - series.FirstSale + 1);
        for (var day = series.FirstSale; day <= origin; day++)
        {
            if (calendar.IsOpen(day, origin) || series.Units[day] > 0)
            {
                history.Add(series.Units[day]);
            }
        }

        return new SeriesAtOrigin(series, origin, [.. history], familyLevel);
    }

    /// <summary>Mean sales over the last <paramref name="days"/> trading days (fewer when younger).</summary>
    public double Mean(int days)
    {
        var from = Math.Max(0, History.Count - days);
        var sum = 0.0;
        for (var i = from; i < History.Count; i++)
        {
            sum += History[i];
        }

        return History.Count > from ? sum / (History.Count - from) : 0;
    }

    /// <summary>Share of the last <paramref name="days"/> trading days without a sale.</summary>
    public double ZeroShare(int days)
    {
        var from = Math.Max(0, History.Count - days);
        var zeros = 0;
        for (var i = from; i < History.Count; i++)
        {
            zeros += History[i] > 0 ? 0 : 1;
        }

        return History.Count > from ? (double)zeros / (History.Count - from) : 0;
    }

    /// <summary>Standard deviation of the last <paramref name="days"/> trading days' sales.</summary>
    public double Deviation(int days)
    {
        var from = Math.Max(0, History.Count - days);
        var mean = Mean(days);
        var sum = 0.0;
        for (var i = from; i < History.Count; i++)
        {
            sum += (History[i] - mean) * (History[i] - mean);
        }

        return History.Count - from > 1 ? Math.Sqrt(sum / (History.Count - from - 1)) : 0;
    }

    /// <summary>Trading days since the last sale (0 when it sold on the origin).</summary>
    public int DaysSinceSale()
    {
        for (var i = History.Count - 1; i >= 0; i--)
        {
            if (History[i] > 0)
            {
                return History.Count - 1 - i;
            }
        }

        return History.Count;
    }
}
