namespace Tandem.Grains.Interfaces.Orders;

[GenerateSerializer, Immutable, Alias("tandem.order-line-request")]
public sealed record OrderLineRequest
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required int Quantity { get; init; }
}
