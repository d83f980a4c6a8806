namespace Tandem.Brains.Forecasting;

/// <summary>
/// The classical one-series forecasts, each over trading-day sales oldest first: simple exponential smoothing (its
/// smoothing constant picked from a grid by one-step squared error), Croston with the Syntetos–Boylan correction and
/// TSB (Teunter–Syntetos–Babai: demand size and the probability of a sale smoothed apart, so an item that stops selling
/// fades out). Each returns the expected sales of one trading day.
/// </summary>
public static class Smoothing
{
    private static readonly double[] Alphas = [0.05, 0.1, 0.2, 0.3, 0.5];

    /// <summary>Simple exponential smoothing with the grid's constant of least one-step squared error.</summary>
    public static double Ses(IReadOnlyList<double> history) =>
        history.Count == 0 ? 0 : Alphas.Select(a => Ses(history, a)).MinBy(r => r.Error).Level;

    /// <summary>Simple exponential smoothing with constant <paramref name="alpha"/>: the last level and its one-step squared error.</summary>
    public static (double Level, double Error) Ses(IReadOnlyList<double> history, double alpha)
    {
        if (history.Count == 0)
        {
            return (0, 0);
        }

        var first = Math.Min(5, history.Count);
        var level = 0.0;
        for (var i = 0; i < first; i++)
        {
            level += history[i] / first;
        }

        var error = 0.0;
        foreach (var y in history)
        {
            error += (y - level) * (y - level);
            level += alpha * (y - level);
        }

        return (level, error);
    }

    /// <summary>Croston's method with the Syntetos–Boylan bias correction (1 − α/2).</summary>
    public static double Croston(IReadOnlyList<double> history, double alpha = 0.1)
    {
        double? size = null;
        var interval = 1.0;
        var since = 0;
        foreach (var y in history)
        {
            since++;
            if (y <= 0)
            {
                continue;
            }

            if (size is { } z)
            {
                size = z + (alpha * (y - z));
                interval += alpha * (since - interval);
            }
            else
            {
                size = y;
                interval = since;
            }

            since = 0;
        }

        return size is { } s ? (1 - (alpha / 2)) * s / Math.Max(1, interval) : 0;
    }

    /// <summary>TSB: size smoothed by <paramref name="alpha"/> on sale days, probability of a sale by <paramref name="beta"/> every day.</summary>
    public static double Tsb(IReadOnlyList<double> history, double alpha = 0.1, double beta = 0.05)
    {
        if (history.Count == 0)
        {
            return 0;
        }

        var warm = Math.Min(10, history.Count);
        var (sales, total) = (0, 0.0);
        for (var i = 0; i < warm; i++)
        {
            if (history[i] > 0)
            {
                sales++;
                total += history[i];
            }
        }

        if (sales == 0)
        {
            return 0;
        }

        var probability = (double)sales / warm;
        var size = total / sales;
        foreach (var y in history)
        {
            if (y > 0)
            {
                probability += beta * (1 - probability);
                size += alpha * (y - size);
            }
            else
            {
                probability -= beta * probability;
            }
        }

        return probability * size;
    }
}
