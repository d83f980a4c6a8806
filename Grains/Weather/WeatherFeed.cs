using System.Text.Json;
using System.Text.Json.Serialization;

using Tandem.Contracts.Weather;

namespace Tandem.Grains.Weather;

/// <summary>Where the city's rain comes from: a reading is every area of rain the source reports now.</summary>
public interface IWeatherFeed
{
    /// <summary>A name for logs (the file or the address).</summary>
    string Name { get; }

    Task<IReadOnlyList<RainArea>> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The feed's format, the same from a file or over HTTP: <c>{"rain":[{"id","lat","lon","radiusKm","mmPerHour","until"}]}</c>.
/// An area without an id, outside the map, with a radius not above 0 (or above 50 km) or rain not above 0 mm/h is refused
/// with the whole reading, so a broken feed never half-applies.
/// </summary>
public static class WeatherFeedFormat
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.Strict };

    public static IReadOnlyList<RainArea> Parse(string text)
    {
        var reading = JsonSerializer.Deserialize<Reading>(text, Json) ?? throw new FormatException("The weather reading is empty.");
        return [.. (reading.Rain ?? []).Select((r, i) => r switch
        {
            { Id: { Length: > 0 and <= 100 } id, Lat: { } lat and >= -90 and <= 90, Lon: { } lon and >= -180 and <= 180, RadiusKm: { } km and > 0 and <= 50, Until: { } until }
                when r.MmPerHour is null or > 0 => new RainArea { Id = id, Lat = lat, Lon = lon, RadiusKm = km, MmPerHour = r.MmPerHour ?? 4, Until = until.ToUniversalTime(), Source = WeatherGrain.FeedSource },
            _ => throw new FormatException($"Rain area {i} needs an id, a position on the map, a radius of 0–50 km, rain above 0 mm/h and an end."),
        })];
    }

    private sealed record Reading(IReadOnlyList<Area>? Rain);

    private sealed record Area(string? Id, double? Lat, double? Lon, double? RadiusKm, double? MmPerHour, DateTimeOffset? Until);
}

/// <summary>A weather feed kept in a file (rewritten by whatever watches the sky).</summary>
public sealed class FileWeatherFeed(string path) : IWeatherFeed
{
    public string Name => path;

    public async Task<IReadOnlyList<RainArea>> ReadAsync(CancellationToken cancellationToken) =>
        WeatherFeedFormat.Parse(await File.ReadAllTextAsync(path, cancellationToken));
}

/// <summary>A weather feed served over HTTP (GET, the same format).</summary>
public sealed class HttpWeatherFeed(HttpClient http, Uri address) : IWeatherFeed
{
    public string Name => address.ToString();

    public async Task<IReadOnlyList<RainArea>> ReadAsync(CancellationToken cancellationToken) =>
        WeatherFeedFormat.Parse(await http.GetStringAsync(address, cancellationToken));
}
