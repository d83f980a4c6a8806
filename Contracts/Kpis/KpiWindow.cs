namespace Tandem.Contracts.Kpis;

/// <summary>The sliding windows KPIs are read over: the last 15 minutes, hour or day, ending now.</summary>
[GenerateSerializer, Alias("tandem.kpi-window")]
public enum KpiWindow
{
    Minutes15 = 0,
    Hour = 1,
    Day = 2,
}

public static class KpiWindows
{
    /// <summary>How long the window is.</summary>
    public static TimeSpan Length(this KpiWindow window) => window switch
    {
        KpiWindow.Minutes15 => TimeSpan.FromMinutes(15),
        KpiWindow.Hour => TimeSpan.FromHours(1),
        KpiWindow.Day => TimeSpan.FromDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, "Not a KPI window."),
    };

    /// <summary>The window's points for its trend line: 15 of a minute, 12 of five minutes, 24 of an hour.</summary>
    public static int Points(this KpiWindow window) => window switch
    {
        KpiWindow.Minutes15 => 15,
        KpiWindow.Hour => 12,
        KpiWindow.Day => 24,
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, "Not a KPI window."),
    };

    /// <summary>The window's name on the wire (<c>15m</c>, <c>1h</c>, <c>24h</c>).</summary>
    public static string Name(this KpiWindow window) => window switch
    {
        KpiWindow.Minutes15 => "15m",
        KpiWindow.Hour => "1h",
        KpiWindow.Day => "24h",
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, "Not a KPI window."),
    };

    public static bool TryParse(string? name, out KpiWindow window)
    {
        (var known, window) = name switch
        {
            "15m" => (true, KpiWindow.Minutes15),
            "1h" => (true, KpiWindow.Hour),
            "24h" => (true, KpiWindow.Day),
            _ => (false, default),
        };
        return known;
    }
}
