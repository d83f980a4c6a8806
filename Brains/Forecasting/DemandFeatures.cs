namespace Tandem.Brains.Forecasting;

/// <summary>
/// The global model's inputs for one series, one origin and one target day, computed only from what was known on the
/// origin: the target day's calendar, the series' recent sales relative to its scale, its classical forecasts, its
/// price, its item's and family's trends and the outside signals of the week before the origin (never the target
/// day's actual readings).
/// </summary>
public sealed class DemandFeatures
{
    public const int Count = 28;

    public static readonly IReadOnlyList<string> Names =
    [
        "days ahead", "weekday", "day of month", "month", "trading days since a closed day", "stage", "log scale",
        "mean 5 / scale", "mean 20 / scale", "mean 60 / scale", "mean 120 / scale", "same weekday, last 4 weeks / scale",
        "days without sale, last 20", "days without sale, last 60", "trading days since last sale", "age in trading days",
        "deviation 20 / scale", "TSB / scale", "smoothing / scale", "price vs its 24-week mean", "item trend (all locations)",
        "family trend (location)", "log family level", "log location level", "temperature, last week",
        "precipitation, last week", "sentiment, last week", "competitor price, last week",
    ];

    /// <summary>The signals' feature positions, for telling which of them moved a forecast.</summary>
    public static readonly IReadOnlyDictionary<DemandSignal, int> SignalIndex = new Dictionary<DemandSignal, int>
    {
        [DemandSignal.Temperature] = 24,
        [DemandSignal.Precipitation] = 25,
        [DemandSignal.Sentiment] = 26,
        [DemandSignal.CompetitorPrice] = 27,
    };

    private readonly DemandPanel _panel;
    private readonly Dictionary<int, Aggregates> _aggregates = [];
    private readonly Lock _gate = new();

    public DemandFeatures(DemandPanel panel) => _panel = panel;

    /// <summary>Every series (of those <paramref name="only"/> admits) that sold by <paramref name="origin"/> and in the <paramref name="activeDays"/> days up to it.</summary>
    public IReadOnlyList<SeriesAtOrigin> Active(int origin, int activeDays = 91, Func<DemandSeries, bool>? only = null)
    {
        var aggregates = At(origin);
        var active = new List<SeriesAtOrigin>();
        foreach (var series in _panel.Series)
        {
            if ((only is null || only(series)) && series.FirstSale >= 0 && series.FirstSale <= origin && series.UnitsBetween(origin + 1 - activeDays, origin + 1) > 0
                && SeriesAtOrigin.Of(series, _panel.Calendar, origin, aggregates.FamilyLevel(series)) is { Scale: > 0 } state)
            {
                active.Add(state);
            }
        }

        return active;
    }

    /// <summary>The features of every target day 1 … <paramref name="horizon"/> days after the origin (closed days included).</summary>
    public float[][] Of(SeriesAtOrigin state, int horizon)
    {
        var common = Common(state);
        var rows = new float[horizon][];
        for (var ahead = 1; ahead <= horizon; ahead++)
        {
            rows[ahead - 1] = Target(state, common, ahead);
        }

        return rows;
    }

    /// <summary>The features of one target day <paramref name="ahead"/> days after the origin.</summary>
    public float[] Of(SeriesAtOrigin state, int ahead, float[] common) => Target(state, common, ahead);

    /// <summary>The features shared by every target day of one series and origin.</summary>
    public float[] Common(SeriesAtOrigin state)
    {
        var (series, origin, scale) = (state.Series, state.Origin, state.Scale);
        var aggregates = At(origin);
        var f = new float[Count];
        f[5] = (float)state.Stage;
        f[6] = (float)Math.Log(1 + scale);
        f[7] = (float)(state.Mean(5) / scale);
        f[8] = (float)(state.Mean(20) / scale);
        f[9] = (float)(state.Mean(60) / scale);
        f[10] = (float)(state.Mean(120) / scale);
        f[12] = (float)state.ZeroShare(20);
        f[13] = (float)state.ZeroShare(60);
        f[14] = Math.Min(250, state.DaysSinceSale());
        f[15] = Math.Min(250, state.History.Count);
        f[16] = (float)(state.Deviation(20) / scale);
        f[17] = (float)(state.Tsb / scale);
        f[18] = (float)(state.Ses / scale);
        f[19] = Ratio(Price(series, origin - 27, origin + 1), Price(series, origin - 167, origin + 1));
        f[20] = aggregates.ItemTrend(series.Item);
        f[21] = aggregates.FamilyTrend(series);
        f[22] = (float)Math.Log(1 + state.FamilyLevel);
        f[23] = aggregates.LocationLevel(series.Location);
        foreach (var (signal, index) in SignalIndex)
        {
            f[index] = (float)_panel.Signals.LastWeek(signal, origin);
        }

        return f;
    }

    private float[] Target(SeriesAtOrigin state, float[] common, int ahead)
    {
        var calendar = _panel.Calendar;
        var (origin, day) = (state.Origin, state.Origin + ahead);
        var date = calendar.Date(day);
        var f = (float[])common.Clone();
        f[0] = ahead;
        f[1] = (float)date.DayOfWeek;
        f[2] = date.Day;
        f[3] = date.Month;
        var sinceClosed = 0;
        while (sinceClosed < 7 && calendar.IsOpen(day - sinceClosed - 1, origin))
        {
            sinceClosed++;
        }

        f[4] = sinceClosed;
        var (sum, weeks) = (0.0, 0);
        for (var back = day - 7; back >= 0 && weeks < 4; back -= 7)
        {
            if (back <= origin)
            {
                sum += state.Series.Units[back];
                weeks++;
            }
        }

        f[11] = weeks == 0 ? float.NaN : (float)(sum / weeks / state.Scale);
        return f;
    }

    private static double Price(DemandSeries series, int from, int to)
    {
        var units = series.UnitsBetween(from, to);
        return units > 0 ? series.RevenueBetween(from, to) / units : double.NaN;
    }

    private static float Ratio(double a, double b) => double.IsNaN(a) || double.IsNaN(b) || b <= 0 ? float.NaN : (float)(a / b);

    private Aggregates At(int origin)
    {
        lock (_gate)
        {
            if (!_aggregates.TryGetValue(origin, out var aggregates))
            {
                _aggregates[origin] = aggregates = new Aggregates(_panel, origin);
            }

            return aggregates;
        }
    }

    /// <summary>Item, family and location totals on one origin, over the 28 and 84 days up to it.</summary>
    private sealed class Aggregates
    {
        private readonly Dictionary<string, (double Recent, double Longer)> _items = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Family, string Location), (double Recent, double Longer, double Established, int Count)> _families = [];
        private readonly Dictionary<string, double> _locations = new(StringComparer.Ordinal);
        private readonly int _openRecent;

        public Aggregates(DemandPanel panel, int origin)
        {
            var (from28, from84, to) = (origin - 27, origin - 83, origin + 1);
            _openRecent = Math.Max(1, panel.Calendar.OpenDays(Math.Max(0, from28), to, origin));
            foreach (var series in panel.Series)
            {
                var (recent, longer) = (series.UnitsBetween(from28, to), series.UnitsBetween(from84, to));
                if (longer <= 0)
                {
                    continue;
                }

                _items[series.Item] = _items.TryGetValue(series.Item, out var item) ? (item.Recent + recent, item.Longer + longer) : (recent, longer);
                var key = (series.Family, series.Location);
                var established = series.FirstSale >= 0 && series.FirstSale <= origin - 84;
                var family = _families.GetValueOrDefault(key);
                _families[key] = (family.Recent + recent, family.Longer + longer, family.Established + (established ? recent : 0), family.Count + (established ? 1 : 0));
                _locations[series.Location] = _locations.GetValueOrDefault(series.Location) + recent;
            }
        }

        public float ItemTrend(string item) =>
            _items.TryGetValue(item, out var totals) && totals.Longer > 0 ? (float)(3 * totals.Recent / totals.Longer) : float.NaN;

        public float FamilyTrend(DemandSeries series) =>
            _families.TryGetValue((series.Family, series.Location), out var totals) && totals.Longer > 0 ? (float)(3 * totals.Recent / totals.Longer) : float.NaN;

        /// <summary>Mean trading-day sales of one established series of the family at the location.</summary>
        public double FamilyLevel(DemandSeries series) =>
            _families.TryGetValue((series.Family, series.Location), out var totals) && totals.Count > 0 ? totals.Established / totals.Count / _openRecent : 0;

        public float LocationLevel(string location) => (float)Math.Log(1 + (_locations.GetValueOrDefault(location) / _openRecent));
    }
}
