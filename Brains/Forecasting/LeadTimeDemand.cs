namespace Tandem.Brains.Forecasting;

/// <summary>
/// Demand over a replenishment lead time, simulated (Monte Carlo): each path draws a lead time from the supplier's observed
/// lead times and a past month's miss from the forecast's residual pool, and its demand is the forecast's total over
/// that lead time times that month's actual-to-forecast ratio over as many days (without a pool: a Poisson draw around
/// that total). The sorted paths answer a service
/// level's reorder point and the risk that a stock runs out.
/// </summary>
public sealed class LeadTimeDemand
{
    private readonly double[] _paths;

    private LeadTimeDemand(double[] paths, double expected)
    {
        _paths = paths;
        Expected = expected;
    }

    /// <summary>The mean simulated demand.</summary>
    public double Expected { get; }

    public int Paths => _paths.Length;

    /// <summary>Simulates <paramref name="paths"/> lead times (at least one observed lead time, each ≥ 1 day).</summary>
    public static LeadTimeDemand Simulate(SeriesForecast forecast, IReadOnlyList<int> leadTimes, int paths, Random random)
    {
        if (leadTimes.Count == 0 || leadTimes.Any(l => l < 1))
        {
            throw new ArgumentException("Give at least one observed lead time of a day or more.", nameof(leadTimes));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(paths, 1);
        var longest = leadTimes.Max();
        var running = new double[longest + 1];
        var tail = forecast.Mean.Skip(Math.Max(0, forecast.Mean.Length - 7)).DefaultIfEmpty(0).Average();
        for (var day = 0; day < longest; day++)
        {
            running[day + 1] = running[day] + (day < forecast.Mean.Length ? forecast.Mean[day] : tail);
        }

        var pool = forecast.Residuals;
        var demand = new double[paths];
        var sum = 0.0;
        for (var p = 0; p < paths; p++)
        {
            var lead = leadTimes[random.Next(leadTimes.Count)];
            demand[p] = pool is null ? PoissonSales.Draw(running[lead], random) : running[lead] * pool.LeadTimeRatio(random.Next(pool.Paths), lead);
            sum += demand[p];
        }

        Array.Sort(demand);
        return new LeadTimeDemand(demand, sum / paths);
    }

    /// <summary>The reorder point of a cycle service level: the stock that covers the lead time's demand in that share of paths.</summary>
    public double ReorderPoint(double serviceLevel)
    {
        if (serviceLevel is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(serviceLevel), "A service level lies strictly between 0 and 1.");
        }

        return _paths[Math.Min(_paths.Length - 1, (int)Math.Ceiling(serviceLevel * _paths.Length) - 1)];
    }

    /// <summary>The share of paths whose demand exceeds <paramref name="stock"/>: the risk of running out before a new delivery.</summary>
    public double StockOutRisk(double stock)
    {
        var (low, high) = (0, _paths.Length);
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_paths[mid] <= stock)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return (double)(_paths.Length - low) / _paths.Length;
    }

    /// <summary>The textbook reorder point: mean demand over the mean lead time plus z·σ·√L, σ the daily demand's deviation.</summary>
    public static double NormalReorderPoint(double meanDaily, double deviationDaily, double leadTime, double serviceLevel) =>
        (meanDaily * leadTime) + (MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, serviceLevel) * deviationDaily * Math.Sqrt(leadTime));
}
