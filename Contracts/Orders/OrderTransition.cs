namespace Tandem.Contracts.Orders;

/// <summary>One step in an order's history.</summary>
[GenerateSerializer, Immutable, Alias("tandem.order-transition")]
public sealed record OrderTransition
{
    /// <summary>The state before; null for the first entry, when the order came to be.</summary>
    [Id(0)] public OrderStatus? From { get; init; }

    [Id(1)] public required OrderStatus To { get; init; }

    [Id(2)] public required DateTimeOffset At { get; init; }

    /// <summary>Who caused it: a shopper, courier or operator id, or <c>system</c>.</summary>
    [Id(3)] public required string Actor { get; init; }

    [Id(4)] public string? Note { get; init; }
}
