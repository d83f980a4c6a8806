namespace Tandem.Contracts.Orders;

/// <summary>A placed line: what, how many, and the location holding it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.order-line")]
public sealed record OrderLine
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required int Quantity { get; init; }

    [Id(2)] public required string LocationId { get; init; }

    /// <summary>The reservation id at the cell <c>Sku@LocationId</c>.</summary>
    [Id(3)] public required string ReservationId { get; init; }

    [Id(4)] public required decimal UnitPrice { get; init; }
}
