namespace Tandem.Contracts.Weather;

/// <summary>
/// Rain over a circle of the city until a time: from the weather feed (<see cref="Source"/> "feed") or set by an
/// operator or the simulator ("ops"). <see cref="Id"/> names it, so setting it again replaces it.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.rain-area")]
public sealed record RainArea
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required double Lat { get; init; }

    [Id(2)] public required double Lon { get; init; }

    [Id(3)] public required double RadiusKm { get; init; }

    [Id(4)] public required double MmPerHour { get; init; }

    [Id(5)] public required DateTimeOffset Until { get; init; }

    [Id(6)] public required string Source { get; init; }
}
