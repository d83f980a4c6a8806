using MathNet.Numerics.Distributions;

namespace Tandem.Brains.Experiments;

/// <summary>
/// A fixed-horizon comparison of two means (e.g. revenue per exposed unit, most units adding 0): the difference with its
/// Welch interval (each arm's own variance) and the two-sided z-test on it. Normal approximation: fine at the sample sizes
/// a conversion test plans, rough for a handful of units. Read it once, at the planned sample size.
/// </summary>
public sealed record MeanTest(double ControlMean, double TreatmentMean, double Difference, double Low, double High, double Z, double PValue)
{
    /// <summary>Compares two arms given each one's count, sum and sum of squares.</summary>
    public static MeanTest Compare(Moments control, Moments treatment, double confidence = 0.95)
    {
        if (control.Count < 2 || treatment.Count < 2)
        {
            throw new ArgumentException("Each arm needs two units or more.");
        }

        var difference = treatment.Mean - control.Mean;
        var error = Math.Sqrt((control.Variance / control.Count) + (treatment.Variance / treatment.Count));
        var z = error == 0 ? 0 : difference / error;
        var margin = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2)) * error;
        return new MeanTest(control.Mean, treatment.Mean, difference, difference - margin, difference + margin, z, error == 0 ? 1 : 2 * (1 - Normal.CDF(0, 1, Math.Abs(z))));
    }
}

/// <summary>A sample's count, sum and sum of squares, enough for its mean and (unbiased) variance.</summary>
public readonly record struct Moments(long Count, double Sum, double SumOfSquares)
{
    public double Mean => Count == 0 ? 0 : Sum / Count;

    public double Variance => Count < 2 ? 0 : Math.Max(0, (SumOfSquares - (Sum * Sum / Count)) / (Count - 1));

    public static Moments Of(IEnumerable<double> values) =>
        values.Aggregate(default(Moments), (m, x) => new Moments(m.Count + 1, m.Sum + x, m.SumOfSquares + (x * x)));
}
