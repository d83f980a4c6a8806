using Tandem.Contracts.Orders;

namespace Tandem.Contracts.Packing;

/// <summary>An order's packing for the packing screen: the plan stored when it was packed, or, before that, the plan the packing service would choose now.</summary>
[GenerateSerializer, Immutable, Alias("tandem.packing-preview")]
public sealed record PackingPreview
{
    [Id(0)] public required string OrderId { get; init; }

    [Id(1)] public required OrderStatus Status { get; init; }

    /// <summary>True: stored with the order when it was packed; false: a preview, nothing stored.</summary>
    [Id(2)] public required bool Stored { get; init; }

    [Id(3)] public required OrderPacking Packing { get; init; }
}
