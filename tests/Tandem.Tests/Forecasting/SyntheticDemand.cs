using Tandem.Brains.Forecasting;

namespace Tandem.Tests.Forecasting;

/// <summary>
/// A seeded shop of 240 days from Monday 2011-01-03, closed on Saturdays: steady sellers (Mondays three times the other
/// days), intermittent ones, items that started selling late and ones that faded; optionally altered after a day, and
/// with a temperature signal.
/// </summary>
internal static class SyntheticDemand
{
    public static readonly DateOnly Start = new(2011, 1, 3);

    public const int Days = 240;

    public static DemandPanel Panel(int seed = 1, int? alteredAfter = null, bool temperature = false)
    {
        var random = new Random(seed);
        var traded = Enumerable.Range(0, Days).Select(d => Start.AddDays(d).DayOfWeek != DayOfWeek.Saturday).ToArray();
        var series = new List<DemandSeries>();
        for (var s = 0; s < 60; s++)
        {
            var kind = s % 4;
            var rate = 1 + (s % 7);
            var (units, revenue) = (new double[Days], new double[Days]);
            for (var d = 0; d < Days; d++)
            {
                if (!traded[d])
                {
                    continue;
                }

                var monday = Start.AddDays(d).DayOfWeek == DayOfWeek.Monday ? 3 : 1;
                var mean = kind switch
                {
                    0 => rate * monday,
                    1 => random.NextDouble() < 0.25 ? rate * 2 : 0,
                    2 => d >= 190 ? rate : 0,
                    _ => d < 150 ? rate * 2 : rate * 0.2,
                };
                var value = Poisson(random, mean);
                if (alteredAfter is { } after && d > after)
                {
                    value = (value * 3) + 1;
                }

                units[d] = value;
                revenue[d] = value * 2.5;
            }

            series.Add(new DemandSeries($"{10000 + s}", s % 2 == 0 ? "north" : "south", $"{100 + (s % 5)}", units, revenue));
        }

        var signals = new SignalHistory(Days);
        if (temperature)
        {
            for (var d = 0; d < Days; d++)
            {
                signals.Set(DemandSignal.Temperature, d, alteredAfter is { } after && d > after ? 40 : 10 + (5 * Math.Sin(d / 30.0)));
            }
        }

        return new DemandPanel(new ShopCalendar(Start, traded), series, signals);
    }

    public static ForecastOptions Small => new() { TrainingOrigins = 6, Trees = 100, LearningRate = 0.1, Leaves = 8, MinimumLeafRows = 20, DaySample = 1 };

    private static double Poisson(Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var (limit, k, product) = (Math.Exp(-mean), 0, random.NextDouble());
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }
}
