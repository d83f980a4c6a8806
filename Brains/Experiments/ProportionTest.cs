using MathNet.Numerics.Distributions;

namespace Tandem.Brains.Experiments;

/// <summary>
/// A fixed-horizon comparison of two conversion rates (control and treatment): the difference with its Wald interval
/// (unpooled standard error) and the two-sided z-test of no difference (pooled standard error). Read it once, at the
/// planned sample size (<see cref="SampleSizePerArm"/>); looking early and stopping on significance inflates the error.
/// </summary>
public sealed record ProportionTest(double ControlRate, double TreatmentRate, double Difference, double Low, double High, double Z, double PValue)
{
    public static ProportionTest Compare(long controlSuccesses, long controlTrials, long treatmentSuccesses, long treatmentTrials, double confidence = 0.95)
    {
        if (controlTrials <= 0 || treatmentTrials <= 0 || controlSuccesses < 0 || treatmentSuccesses < 0 || controlSuccesses > controlTrials || treatmentSuccesses > treatmentTrials)
        {
            throw new ArgumentException("Successes must be 0 to the trials, and each arm needs a trial.");
        }

        var p1 = (double)controlSuccesses / controlTrials;
        var p2 = (double)treatmentSuccesses / treatmentTrials;
        var difference = p2 - p1;
        var unpooled = Math.Sqrt((p1 * (1 - p1) / controlTrials) + (p2 * (1 - p2) / treatmentTrials));
        var pooledRate = (double)(controlSuccesses + treatmentSuccesses) / (controlTrials + treatmentTrials);
        var pooled = Math.Sqrt(pooledRate * (1 - pooledRate) * ((1.0 / controlTrials) + (1.0 / treatmentTrials)));
        var z = pooled == 0 ? 0 : difference / pooled;
        var margin = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2)) * unpooled;
        return new ProportionTest(p1, p2, difference, difference - margin, difference + margin, z, 2 * (1 - Normal.CDF(0, 1, Math.Abs(z))));
    }

    /// <summary>Units per arm for a two-sided test at <paramref name="alpha"/> to detect <paramref name="baseRate"/> moving by <paramref name="effect"/> with <paramref name="power"/>.</summary>
    public static long SampleSizePerArm(double baseRate, double effect, double alpha = 0.05, double power = 0.8)
    {
        var treated = baseRate + effect;
        if (baseRate is <= 0 or >= 1 || treated is <= 0 or >= 1 || effect == 0)
        {
            throw new ArgumentException("Both rates must lie strictly between 0 and 1 and differ.");
        }

        var mean = (baseRate + treated) / 2;
        var a = Normal.InvCDF(0, 1, 1 - (alpha / 2)) * Math.Sqrt(2 * mean * (1 - mean));
        var b = Normal.InvCDF(0, 1, power) * Math.Sqrt((baseRate * (1 - baseRate)) + (treated * (1 - treated)));
        return (long)Math.Ceiling((a + b) * (a + b) / (effect * effect));
    }
}
