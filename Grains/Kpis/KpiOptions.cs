namespace Tandem.Grains.Kpis;

/// <summary>How KPI counts reach their history; bound from configuration section <c>Tandem:Kpis</c>.</summary>
public sealed class KpiOptions
{
    /// <summary>How often a KPI grain writes the minutes that changed to the history table (and retries a failed write).</summary>
    public TimeSpan SaveEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the stock census counts every cell (a region counts one census a minute at most).</summary>
    public TimeSpan CensusEvery { get; set; } = TimeSpan.FromMinutes(1);
}
