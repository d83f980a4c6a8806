namespace Tandem.Brains.Forecasting;

/// <summary>
/// Daily readings of the outside signals on a panel's day axis; a day without a reading is NaN. A forecast made on a
/// day reads only what was known by then (<see cref="LastWeek"/>): future readings are never used, so a backtest
/// cannot leak them.
/// </summary>
public sealed class SignalHistory
{
    private readonly Dictionary<DemandSignal, double[]> _readings = [];

    public SignalHistory(int days) => Days = days;

    public int Days { get; }

    public bool Has(DemandSignal signal) => _readings.ContainsKey(signal);

    public void Set(DemandSignal signal, int day, double value)
    {
        if (day < 0 || day >= Days)
        {
            return;
        }

        if (!_readings.TryGetValue(signal, out var values))
        {
            _readings[signal] = values = [.. Enumerable.Repeat(double.NaN, Days)];
        }

        values[day] = value;
    }

    /// <summary>The mean reading of the seven days up to and including <paramref name="day"/>, NaN when none.</summary>
    public double LastWeek(DemandSignal signal, int day)
    {
        if (!_readings.TryGetValue(signal, out var values))
        {
            return double.NaN;
        }

        var (sum, count) = (0.0, 0);
        for (var d = Math.Min(day, Days - 1); d >= 0 && d > day - 7; d--)
        {
            if (!double.IsNaN(values[d]))
            {
                sum += values[d];
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }
}
