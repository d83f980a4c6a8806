namespace Tandem.Brains.Forecasting;

/// <summary>Tells an item's <see cref="LifecycleStage"/> from its sales on the trading days since its first sale.</summary>
public static class Lifecycle
{
    public const int NewOpenDays = 40;

    /// <summary>The stage of a history of trading-day sales, oldest first, starting at the first sale.</summary>
    public static LifecycleStage Of(IReadOnlyList<double> history)
    {
        if (history.Count < NewOpenDays)
        {
            return LifecycleStage.New;
        }

        var n = history.Count;
        var recent = Mean(history, n - 30, n);
        var before = Mean(history, Math.Max(0, n - 120), n - 30);
        var salesBefore = Count(history, Math.Max(0, n - 120), n - 30);
        if (before > 0 && salesBefore >= 6 && recent < 0.4 * before)
        {
            return LifecycleStage.Declining;
        }

        var window = Math.Min(60, n);
        return Count(history, n - window, n) < 0.757 * window ? LifecycleStage.Intermittent : LifecycleStage.Mature;
    }

    private static double Mean(IReadOnlyList<double> values, int from, int to)
    {
        var sum = 0.0;
        for (var i = from; i < to; i++)
        {
            sum += values[i];
        }

        return to > from ? sum / (to - from) : 0;
    }

    private static int Count(IReadOnlyList<double> values, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            count += values[i] > 0 ? 1 : 0;
        }

        return count;
    }
}
