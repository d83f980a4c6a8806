namespace Tandem.Contracts.Sessions;

[GenerateSerializer, Immutable, Alias("tandem.cart-line")]
public sealed record CartLine
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required int Quantity { get; init; }
}
