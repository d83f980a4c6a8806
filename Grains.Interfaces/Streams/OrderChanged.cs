using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Grains.Interfaces.Streams;

/// <summary>An order moved to a new state. Published on <see cref="StreamMap.Orders"/> by order id.</summary>
[GenerateSerializer, Immutable, Alias("tandem.order-changed")]
public sealed record OrderChanged
{
    [Id(0)] public required OrderView Order { get; init; }

    [Id(1)] public required OrderTransition Transition { get; init; }
}
