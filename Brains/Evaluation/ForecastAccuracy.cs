namespace Tandem.Brains.Evaluation;

/// <summary>
/// The scaled errors of one forecast of one series: MASE (mean absolute error over the in-sample mean absolute error of
/// the seasonal naive forecast, one week back, on trading days) and RMSSE (root mean squared error over the in-sample
/// mean squared one-step change on trading days, as in the M5 competition). A series whose scale is zero (it never
/// changed) has no scaled error.
/// </summary>
public static class ForecastAccuracy
{
    /// <summary>The in-sample scales of a daily history (days 0 … origin) from its first sale: (MASE scale, RMSSE scale).</summary>
    public static (double Mase, double Rmsse) Scales(IReadOnlyList<double> days, IReadOnlyList<bool> traded, int origin)
    {
        var first = -1;
        for (var day = 0; day <= origin; day++)
        {
            if (days[day] > 0)
            {
                first = day;
                break;
            }
        }

        if (first < 0)
        {
            return (0, 0);
        }

        var (absolute, absoluteCount, squared, squaredCount) = (0.0, 0, 0.0, 0);
        var previous = -1;
        for (var day = first; day <= origin; day++)
        {
            if (!traded[day])
            {
                continue;
            }

            if (day - 7 >= first)
            {
                absolute += Math.Abs(days[day] - days[day - 7]);
                absoluteCount++;
            }

            if (previous >= 0)
            {
                squared += (days[day] - days[previous]) * (days[day] - days[previous]);
                squaredCount++;
            }

            previous = day;
        }

        return (absoluteCount == 0 ? 0 : absolute / absoluteCount, squaredCount == 0 ? 0 : squared / squaredCount);
    }

    public static double Mase(IReadOnlyList<double> actual, IReadOnlyList<double> forecast, double scale) =>
        scale <= 0 ? double.NaN : actual.Zip(forecast, (a, f) => Math.Abs(a - f)).Average() / scale;

    public static double Rmsse(IReadOnlyList<double> actual, IReadOnlyList<double> forecast, double scale) =>
        scale <= 0 ? double.NaN : Math.Sqrt(actual.Zip(forecast, (a, f) => (a - f) * (a - f)).Average() / scale);
}
