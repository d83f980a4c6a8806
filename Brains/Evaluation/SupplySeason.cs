using System.Diagnostics;
using System.Globalization;

using Tandem.Brains.Forecasting;
using Tandem.Brains.Recommendations;
using Tandem.Brains.Supply;

namespace Tandem.Brains.Evaluation;

/// <summary>
/// A season of store stock played day by day on real demand: every series of the panel is a store cell that starts the
/// season with the same stock under every policy, meets each day's actual demand from what it holds (what it cannot
/// serve is lost), and is restocked by its policy; a move arrives after a lead time drawn from the simulated supplier,
/// the same draw for the same cell and day under every policy. The policies:
/// <list type="bullet">
/// <item><see cref="None"/>: nothing is moved (the suggestions left unapplied);</item>
/// <item><see cref="OrderUpTo"/>: the textbook rule without forecasts, reviewed weekly: order up to the last four
/// weeks' mean over lead time plus a week, plus z·σ·√(L + 7) at the target service level;</item>
/// <item><see cref="TandemWeekly"/> and <see cref="TandemDaily"/>: Tandem's suggestions applied, weekly or every day:
/// a cell below its Monte-Carlo reorder point (from the forecaster's distribution and the supplier's observed lead
/// times) is brought up to it plus the next week's expected sales (<see cref="Replenishment"/>).</item>
/// </list>
/// The stocked policies run at each of <see cref="SeasonOptions.ServiceLevels"/>, so they can be compared at equal stock.
/// Stock on order counts toward a cell's position. Forecasts and reorder points are made every week (from the day
/// before), the model trained at the season's start and every <see cref="SeasonOptions.RetrainEvery"/> days after.
/// </summary>
public static class SupplySeason
{
    public const string None = "no replenishment";
    public const string OrderUpTo = "weekly order-up-to, z·σ·√(L+7)";
    public const string TandemWeekly = "Tandem suggestions, weekly";
    public const string TandemDaily = "Tandem suggestions, daily";

    private static readonly string[] Stocked = [OrderUpTo, TandemWeekly, TandemDaily];

    public static SeasonReport Run(DemandPanel panel, SeasonOptions options)
    {
        var start = panel.Days - (7 * options.Weeks);
        if (start < 28 + options.Forecast.Horizon || options.Weeks < 1)
        {
            throw new ArgumentException($"{panel.Days} days are too few for a season of {options.Weeks} weeks after a year's start.", nameof(options));
        }

        var cells = panel.Series.Where(s => s.UnitsBetween(Math.Max(0, start - 91), panel.Days) > 0).ToList();
        var observed = SupplierLeadTimes.Observed(30, new Random(options.Seed));
        var meanLead = observed.Average();
        var levels = options.ServiceLevels;
        var z = levels.Select(l => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, l)).ToArray();
        var policies = new List<(string Name, string Kind, int Level)> { (None, None, -1) };
        policies.AddRange(Stocked.SelectMany(kind => levels.Select((l, i) => (string.Create(CultureInfo.InvariantCulture, $"{kind} {l:P0}"), kind, i))));
        var opening = cells.Select(c => (int)Math.Ceiling(options.OpeningDays * c.UnitsBetween(start - 28, start) / 28)).ToArray();
        var stock = policies.Select(_ => opening.Select(o => new CellStock(o)).ToArray()).ToArray();
        var tally = policies.Select(p => new SeasonTally(p.Name, p.Kind, p.Level < 0 ? null : levels[p.Level])).ToArray();
        var orderUpTo = levels.Select(_ => new double[cells.Count]).ToArray();
        var reorderPoints = levels.Select(_ => new double[cells.Count]).ToArray();
        var nextWeek = new double[cells.Count];
        DemandForecaster? forecaster = null;
        var clock = Stopwatch.StartNew();
        var (training, simulation) = (TimeSpan.Zero, TimeSpan.Zero);
        var weekly = new List<SeasonWeek>();

        for (var day = start; day < panel.Days; day++)
        {
            var review = (day - start) % 7 == 0;
            if (review)
            {
                var origin = day - 1;
                if (forecaster is null || (day - start) % options.RetrainEvery == 0)
                {
                    var trainClock = Stopwatch.StartNew();
                    forecaster = DemandForecaster.Train(panel, origin, options.Forecast);
                    training += trainClock.Elapsed;
                }

                var simulationClock = Stopwatch.StartNew();
                var forecasts = forecaster.Forecast(panel, origin, null, explain: false, options.Forecast.ActiveDays).ToDictionary(f => f.Key, StringComparer.Ordinal);
                Parallel.For(0, cells.Count, i =>
                {
                    var series = cells[i];
                    var (mean, deviation) = MeanAndDeviation(series, origin - 27, origin + 1);
                    var forecast = forecasts.GetValueOrDefault(series.Key);
                    var demand = forecast is null ? null : LeadTimeDemand.Simulate(forecast, observed, options.Paths, new Random(Fnv1a.Of(string.Create(CultureInfo.InvariantCulture, $"{options.Seed}|{series.Key}|{origin}"))));
                    nextWeek[i] = forecast?.Total(7) ?? 0;
                    for (var l = 0; l < levels.Count; l++)
                    {
                        orderUpTo[l][i] = (mean * (meanLead + 7)) + (z[l] * deviation * Math.Sqrt(meanLead + 7));
                        reorderPoints[l][i] = demand is null ? 0 : Math.Ceiling(demand.ReorderPoint(levels[l]));
                    }
                });
                simulation += simulationClock.Elapsed;
                weekly.Add(new SeasonWeek(panel.Calendar.Date(day), forecasts.Count));
            }

            for (var p = 0; p < policies.Count; p++)
            {
                var (_, kind, level) = policies[p];
                var (cellsNow, sums) = (stock[p], tally[p]);
                var restock = kind switch
                {
                    OrderUpTo or TandemWeekly => review,
                    TandemDaily => true,
                    _ => false,
                };
                if (restock)
                {
                    var moves = kind == OrderUpTo
                        ? OrderUpToMoves(cellsNow, orderUpTo[level])
                        : Suggested(cells, cellsNow, reorderPoints[level], nextWeek);
                    foreach (var (index, quantity) in moves)
                    {
                        var lead = SupplierLeadTimes.Draw(new Random(Fnv1a.Of(string.Create(CultureInfo.InvariantCulture, $"{options.Seed}|lead|{cells[index].Key}|{day}"))));
                        cellsNow[index].Order(day + lead, quantity);
                        sums.Order(quantity);
                    }
                }

                for (var i = 0; i < cells.Count; i++)
                {
                    var cell = cellsNow[i];
                    cell.Receive(day);
                    var demand = (int)Math.Round(Math.Max(0, cells[i].Units[day]));
                    var sold = Math.Min(demand, cell.OnHand);
                    cell.OnHand -= sold;
                    sums.Day(demand, sold, cell.OnHand);
                }

                sums.EndOfDay();
            }
        }

        for (var p = 0; p < policies.Count; p++)
        {
            tally[p].Close(stock[p].Sum(c => (long)c.OnHand), stock[p].Sum(c => (long)c.OnOrder));
        }

        return new SeasonReport(
            panel.Calendar.Date(start), panel.Calendar.Date(panel.Days - 1), cells.Count, observed, opening.Sum(o => (long)o),
            tally, weekly, training, simulation, clock.Elapsed);
    }

    private static IEnumerable<(int Index, int Quantity)> OrderUpToMoves(CellStock[] cells, double[] levels)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var wanted = (int)Math.Ceiling(levels[i] - cells[i].Position);
            if (wanted > 0)
            {
                yield return (i, wanted);
            }
        }
    }

    private static IEnumerable<(int Index, int Quantity)> Suggested(List<DemandSeries> series, CellStock[] cells, double[] reorderPoints, double[] nextWeek)
    {
        var needs = new List<StoreNeed>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i].Position < reorderPoints[i])
            {
                needs.Add(new StoreNeed(series[i].Item, series[i].Location, cells[i].Position, reorderPoints[i], nextWeek[i], StockOutRisk: 0)); // no warehouse to share: the order of service does not matter
                index[series[i].Key] = i;
            }
        }

        // No warehouse in the season: every suggestion is an order of the whole need, arriving after the supplier's lead time.
        return Replenishment.Plan(needs, new Dictionary<string, IReadOnlyList<(string WarehouseId, int Available)>>(StringComparer.Ordinal))
            .Select(m => (index[$"{m.Need.Sku}@{m.Need.StoreId}"], m.Quantity));
    }

    private static (double Mean, double Deviation) MeanAndDeviation(DemandSeries series, int from, int to)
    {
        var days = Enumerable.Range(Math.Max(0, from), to - Math.Max(0, from)).Select(d => Math.Max(0, series.Units[d])).ToList();
        if (days.Count == 0)
        {
            return (0, 0);
        }

        var mean = days.Average();
        return (mean, Math.Sqrt(days.Sum(u => (u - mean) * (u - mean)) / Math.Max(1, days.Count - 1)));
    }

    /// <summary>One cell's stock under one policy: on hand, and what is on its way (arrival day → units).</summary>
    private sealed class CellStock(int opening)
    {
        private readonly SortedDictionary<int, int> _coming = [];

        public int OnHand { get; set; } = opening;

        public int OnOrder { get; private set; }

        public int Position => OnHand + OnOrder;

        public void Order(int arrives, int quantity)
        {
            _coming[arrives] = _coming.GetValueOrDefault(arrives) + quantity;
            OnOrder += quantity;
        }

        public void Receive(int day)
        {
            if (_coming.Remove(day, out var units))
            {
                OnHand += units;
                OnOrder -= units;
            }
        }
    }
}

/// <summary>How the season is played.</summary>
public sealed record SeasonOptions
{
    /// <summary>The season: the data's last this many weeks.</summary>
    public int Weeks { get; init; } = 13;

    /// <summary>Days between trainings of the model (forecasts are made weekly with the last one).</summary>
    public int RetrainEvery { get; init; } = 28;

    /// <summary>The target cycle service levels each stocked policy runs at.</summary>
    public IReadOnlyList<double> ServiceLevels { get; init; } = [0.8, 0.9, 0.95, 0.98];

    public int Paths { get; init; } = 10_000;

    /// <summary>Every cell opens the season with this many days of its mean sales over the four weeks before.</summary>
    public int OpeningDays { get; init; } = 14;

    public int Seed { get; init; } = 1;

    public ForecastOptions Forecast { get; init; } = new();
}

/// <summary>A week's review: its first day and the cells forecast.</summary>
public sealed record SeasonWeek(DateOnly Day, int Forecast);

/// <summary>What one policy did over the season.</summary>
public sealed class SeasonTally(string policy, string kind, double? serviceLevel)
{
    private long _stockDays;
    private int _days;
    private long _demandDays;
    private long _shortDays;

    public string Policy { get; } = policy;

    /// <summary>The policy without its service level (<see cref="SupplySeason.OrderUpTo"/>, …).</summary>
    public string Kind { get; } = kind;

    public double? ServiceLevel { get; } = serviceLevel;

    public long Demand { get; private set; }

    public long Sold { get; private set; }

    public long Lost => Demand - Sold;

    public long Ordered { get; private set; }

    public int Orders { get; private set; }

    public long Closing { get; private set; }

    public long OnOrderAtEnd { get; private set; }

    /// <summary>Units of demand not served, as a share of demand.</summary>
    public double StockOutRate => Demand == 0 ? 0 : (double)Lost / Demand;

    /// <summary>Cell-days with demand on which some of it was not served, as a share of cell-days with demand.</summary>
    public double ShortDayRate => _demandDays == 0 ? 0 : (double)_shortDays / _demandDays;

    /// <summary>Units on hand at the end of the average day, over all cells.</summary>
    public double AverageStock => _days == 0 ? 0 : (double)_stockDays / _days;

    /// <summary>Units sold per unit of average stock, per year.</summary>
    public double Turnover => AverageStock == 0 ? 0 : Sold / AverageStock * 365.0 / _days;

    internal void Order(int units)
    {
        Ordered += units;
        Orders++;
    }

    internal void Day(int demand, int sold, int onHand)
    {
        Demand += demand;
        Sold += sold;
        _stockDays += onHand;
        if (demand > 0)
        {
            _demandDays++;
            if (sold < demand)
            {
                _shortDays++;
            }
        }
    }

    internal void EndOfDay() => _days++;

    internal void Close(long closing, long onOrder) => (Closing, OnOrderAtEnd) = (closing, onOrder);
}

/// <summary>The season's outcome per policy.</summary>
public sealed record SeasonReport(
    DateOnly First,
    DateOnly Last,
    int Cells,
    IReadOnlyList<int> ObservedLeadTimes,
    long Opening,
    IReadOnlyList<SeasonTally> Policies,
    IReadOnlyList<SeasonWeek> Weeks,
    TimeSpan Training,
    TimeSpan Simulation,
    TimeSpan Elapsed)
{
    public SeasonTally this[string kind, double? serviceLevel = null] => Policies.Single(p => p.Kind == kind && p.ServiceLevel == serviceLevel);

    /// <summary>
    /// The stock-out rate a stocked policy reaches at <paramref name="averageStock"/>, read off the line through its
    /// service levels (null outside the stock they span).
    /// </summary>
    public double? StockOutRateAt(string kind, double averageStock)
    {
        var points = Policies.Where(p => p.Kind == kind).OrderBy(p => p.AverageStock).ToList();
        for (var i = 1; i < points.Count; i++)
        {
            var (low, high) = (points[i - 1], points[i]);
            if (averageStock >= low.AverageStock && averageStock <= high.AverageStock && high.AverageStock > low.AverageStock)
            {
                var t = (averageStock - low.AverageStock) / (high.AverageStock - low.AverageStock);
                return low.StockOutRate + (t * (high.StockOutRate - low.StockOutRate));
            }
        }

        return null;
    }
}
