namespace Tandem.Brains.Forecasting;

/// <summary>
/// How actual sales fell around past forecasts of similar series (one stage, one band of forecast level): each held-out
/// path's running forecast and actual totals over the horizon, and every trading day's actual-to-forecast ratio sorted.
/// A day's quantile is the forecast times the ratio's quantile; a lead time's demand is sampled by drawing a whole path
/// (a block bootstrap, so a level error that lasts all month is kept, not averaged away).
/// </summary>
public sealed class ResidualPool
{
    private readonly double[][] _forecast;
    private readonly double[][] _actual;
    private readonly double[] _ratios;

    public ResidualPool(IReadOnlyList<(double[] Forecast, double[] Actual)> paths)
    {
        if (paths.Count == 0)
        {
            throw new ArgumentException("A pool needs at least one path.", nameof(paths));
        }

        _forecast = [.. paths.Select(p => Running(p.Forecast))];
        _actual = [.. paths.Select(p => Running(p.Actual))];
        // A day forecast at under a tenth of its month's mean says little about the month's scatter: left out of the ratios.
        _ratios = [.. paths.SelectMany(p => p.Forecast.Zip(p.Actual).Where(d => d.First > 0 && d.First >= 0.1 * p.Forecast.Average()).Select(d => d.Second / d.First)).Order()];
        if (_ratios.Length == 0)
        {
            _ratios = [1];
        }
    }

    public int Paths => _forecast.Length;

    public int Horizon => _forecast[0].Length - 1;

    /// <summary>The <paramref name="q"/>-quantile of a day's actual-to-forecast ratio.</summary>
    public double DailyRatio(double q) => _ratios[Math.Clamp((int)Math.Floor(q * _ratios.Length), 0, _ratios.Length - 1)];

    /// <summary>
    /// Path <paramref name="path"/>'s actual over its forecast on its first <paramref name="days"/> days (1 when it
    /// forecast nothing), the forecast taken as at least a tenth of the month's mean over those days: first days forecast
    /// at almost nothing (a closed spell, a decline's tail) would otherwise turn a unit sold into thousands of times the forecast.
    /// </summary>
    public double LeadTimeRatio(int path, int days)
    {
        days = Math.Clamp(days, 1, Horizon);
        var forecast = Math.Max(_forecast[path][days], 0.1 * days * _forecast[path][Horizon] / Horizon);
        return forecast > 0 ? _actual[path][days] / forecast : 1;
    }

    private static double[] Running(double[] values)
    {
        var running = new double[values.Length + 1];
        for (var i = 0; i < values.Length; i++)
        {
            running[i + 1] = running[i] + values[i];
        }

        return running;
    }
}
