namespace Tandem.Grains.Interfaces.Recommendations;

/// <summary>
/// What one shown pick earned its strategy: a click, or nothing (shown and not clicked within the session's window).
/// <see cref="Id"/> names the impression (session, list version, sku), so a reward told twice counts once.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.arm-reward")]
public sealed record ArmReward
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Arm { get; init; }

    [Id(2)] public required bool Clicked { get; init; }

    [Id(3)] public required DateTimeOffset At { get; init; }
}
