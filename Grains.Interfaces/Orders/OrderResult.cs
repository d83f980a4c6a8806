using Tandem.Contracts.Orders;

namespace Tandem.Grains.Interfaces.Orders;

/// <summary>The outcome of an order command and, when there is one, the order afterwards.</summary>
[GenerateSerializer, Immutable, Alias("tandem.order-result")]
public sealed record OrderResult
{
    [Id(0)] public required OrderOutcome Outcome { get; init; }

    [Id(1)] public OrderView? Order { get; init; }

    [Id(2)] public string? Detail { get; init; }

    public bool Succeeded => Outcome is OrderOutcome.Applied or OrderOutcome.Replayed;
}
