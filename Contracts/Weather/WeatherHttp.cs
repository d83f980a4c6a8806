namespace Tandem.Contracts.Weather;

// HTTP contract v1. Request fields are nullable so a missing field is reported by name.

/// <summary>Rain over a circle until a time (the area's id is in the path; setting it again replaces it).</summary>
public sealed record RainRequest(double? Lat, double? Lon, double? RadiusKm, DateTimeOffset? Until, double? MmPerHour);

/// <summary>The rain over the city now.</summary>
public sealed record WeatherResponse(DateTimeOffset At, IReadOnlyList<RainArea> Rain);
