using Tandem.Contracts.Weather;

namespace Tandem.Grains.Interfaces.Weather;

/// <summary>
/// The city's weather (one, key "city"): the rain areas the weather feed reports and the ones operators or the simulator
/// set. Dispatch asks it where it rains; areas whose time has passed are gone.
/// </summary>
public interface IWeatherGrain : IGrainWithStringKey
{
    public const string Key = "city";

    /// <summary>Sets (or replaces, by id) an area of rain. Idempotent.</summary>
    Task SetRainAsync(RainArea area);

    /// <summary>Ends an area of rain set by id. Idempotent.</summary>
    Task ClearRainAsync(string id);

    /// <summary>The feed's latest reading: replaces every area the feed reported before.</summary>
    Task ReplaceFeedAsync(IReadOnlyList<RainArea> areas);

    /// <summary>The areas where it rains now.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<RainArea>> GetRainAsync();
}
