namespace Tandem.Grains.Interfaces.Sessions;

/// <summary>Something a shopper did, as the web client captured it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.behaviour-event")]
public sealed record BehaviourEvent
{
    [Id(0)] public required BehaviourType Type { get; init; }

    [Id(1)] public string? Sku { get; init; }

    [Id(2)] public required DateTimeOffset At { get; init; }

    /// <summary>Type-specific measure: dwell milliseconds, scroll depth, click position.</summary>
    [Id(3)] public double? Value { get; init; }
}
