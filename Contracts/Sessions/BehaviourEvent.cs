namespace Tandem.Contracts.Sessions;

/// <summary>Something a shopper did, as the web client captured it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.behaviour-event")]
public sealed record BehaviourEvent
{
    [Id(0)] public required BehaviourType Type { get; init; }

    [Id(1)] public string? Sku { get; init; }

    [Id(2)] public required DateTimeOffset At { get; init; }

    /// <summary>Type-specific measure: dwell milliseconds, scroll depth (0–1), scroll speed (pixels a second).</summary>
    [Id(3)] public double? Value { get; init; }

    /// <summary>Where a click landed, as a fraction of the viewport's width (0–1).</summary>
    [Id(4)] public double? X { get; init; }

    /// <summary>Where a click landed, as a fraction of the page's height (0–1).</summary>
    [Id(5)] public double? Y { get; init; }
}
