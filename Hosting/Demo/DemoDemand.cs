using System.Globalization;

using Tandem.Brains.Recommendations;
using Tandem.Contracts.Catalog;
using Tandem.Grains.Interfaces.Demand;

namespace Tandem.Hosting.Demo;

/// <summary>
/// The demo city's past sales per cell, the same for the same seed: a rate from the product's price (cheap things sell
/// more) and the store, busier Fridays to Sundays, daily counts drawn around it; one cell in ten is new (selling for the
/// last few weeks only) and one in ten fading (its last six weeks falling to a third).
/// </summary>
public static class DemoDemand
{
    public static IReadOnlyList<DemandDay> For(DemoStock stock, Product product, int days, DateOnly today, int seed)
    {
        var random = new Random(Fnv1a.Of(string.Create(CultureInfo.InvariantCulture, $"{seed}|{stock.Sku}@{stock.LocationId}"))); // the same sales in every process
        var store = 0.5 + random.NextDouble();
        var rate = Math.Clamp(8 / Math.Sqrt((double)Math.Max(1m, product.Price)), 0.05, 6) * store;
        var life = random.NextDouble();
        var starts = life < 0.1 ? random.Next(10, 35) : days;
        var history = new List<DemandDay>(days);
        for (var back = days; back >= 1; back--)
        {
            var day = today.AddDays(-back);
            if (back > starts)
            {
                continue;
            }

            var fading = life is >= 0.1 and < 0.2 && back <= 42 ? 1 - (0.67 * (42 - back) / 42.0) : 1;
            var weekly = day.DayOfWeek switch { DayOfWeek.Friday or DayOfWeek.Saturday => 1.3, DayOfWeek.Sunday => 1.1, DayOfWeek.Monday => 0.85, _ => 1 };
            var units = Poisson(random, rate * weekly * fading);
            if (units > 0)
            {
                history.Add(new DemandDay { Day = day, Units = units, Revenue = units * product.Price });
            }
        }

        return history;
    }

    private static int Poisson(Random random, double mean)
    {
        var (limit, k, product) = (Math.Exp(-mean), 0, random.NextDouble());
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }
}
