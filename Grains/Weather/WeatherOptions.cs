namespace Tandem.Grains.Weather;

/// <summary>Where the weather comes from; bound from <c>Tandem:Weather</c>.</summary>
public sealed class WeatherOptions
{
    /// <summary>The weather feed: a file's path or an http(s) address; empty: no feed (rain is set through the API only).</summary>
    public string Feed { get; set; } = "";

    /// <summary>How often the feed is read.</summary>
    public TimeSpan ReadEvery { get; set; } = TimeSpan.FromMinutes(1);
}
