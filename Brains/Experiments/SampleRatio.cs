using MathNet.Numerics.Distributions;

namespace Tandem.Brains.Experiments;

/// <summary>The sample-ratio check of one experiment: the chi-square statistic of the units per variant against the planned weights, and its p-value.</summary>
public sealed record SampleRatio(double ChiSquare, int DegreesOfFreedom, double PValue, bool Mismatch)
{
    /// <summary>A mismatch is declared below this p-value (the usual, deliberately strict, threshold: SRM means a broken experiment).</summary>
    public const double Alpha = 0.001;

    /// <summary>Pearson's chi-square goodness of fit of <paramref name="counts"/> to the shares <paramref name="weights"/> give.</summary>
    public static SampleRatio Check(IReadOnlyList<long> counts, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(weights);
        if (counts.Count != weights.Count || counts.Count < 2)
        {
            throw new ArgumentException("Give a count and a weight for each of at least two variants.", nameof(counts));
        }

        var total = counts.Sum();
        var weight = weights.Sum();
        if (total == 0)
        {
            return new SampleRatio(0, counts.Count - 1, 1, false);
        }

        var statistic = counts.Select((n, i) => (Observed: (double)n, Expected: total * weights[i] / weight))
            .Sum(c => (c.Observed - c.Expected) * (c.Observed - c.Expected) / c.Expected);
        var p = 1 - ChiSquared.CDF(counts.Count - 1, statistic);
        return new SampleRatio(statistic, counts.Count - 1, p, p < Alpha);
    }
}
