using MathNet.Numerics.Distributions;

namespace Tandem.Brains.Forecasting;

/// <summary>Sales taken as Poisson around a mean: the assumption when too few forecasts were held out to learn how sales scatter.</summary>
public static class PoissonSales
{
    /// <summary>The smallest whole number of units with at least <paramref name="q"/> of the chance at or below it.</summary>
    public static double Quantile(double mean, double q)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var units = 0;
        while (Poisson.CDF(mean, units) < q && units < 1_000_000)
        {
            units++;
        }

        return units;
    }

    /// <summary>One draw of sales with this mean.</summary>
    public static int Draw(double mean, Random random) => mean <= 0 ? 0 : Poisson.Sample(random, mean);
}
