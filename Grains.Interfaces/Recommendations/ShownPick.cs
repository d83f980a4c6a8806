namespace Tandem.Grains.Interfaces.Recommendations;

/// <summary>
/// A pick the shopper actually had on screen: which list (the session version it was made for), where in it, which
/// strategy the slot was drawn for, in which bandit segment and with what propensity; then whether it was clicked,
/// and whether its strategy was credited (a click, or a miss once the impression window passed).
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.shown-pick")]
public sealed record ShownPick
{
    [Id(0)] public required long Version { get; init; }

    [Id(1)] public required string Sku { get; init; }

    [Id(2)] public required int Position { get; init; }

    [Id(3)] public required string Arm { get; init; }

    [Id(4)] public required string Segment { get; init; }

    [Id(5)] public required double Propensity { get; init; }

    [Id(6)] public DateTimeOffset At { get; init; }

    [Id(7)] public bool Clicked { get; init; }

    [Id(8)] public bool Settled { get; init; }
}
