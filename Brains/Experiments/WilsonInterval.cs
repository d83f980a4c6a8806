namespace Tandem.Brains.Experiments;

/// <summary>Wilson's score interval for a share (successes of trials): sound near 0 and 1 and for small samples, where the Wald interval is not.</summary>
public static class WilsonInterval
{
    /// <summary>The 95 % interval of <paramref name="part"/> out of <paramref name="whole"/>; NaN both ways for no trials.</summary>
    public static (double Low, double High) Of(long part, long whole)
    {
        if (whole == 0)
        {
            return (double.NaN, double.NaN);
        }

        const double z = 1.959964;
        var p = (double)part / whole;
        var centre = (p + (z * z / (2 * whole))) / (1 + (z * z / whole));
        var half = z * Math.Sqrt((p * (1 - p) / whole) + (z * z / (4.0 * whole * whole))) / (1 + (z * z / whole));
        return (centre - half, centre + half);
    }
}
