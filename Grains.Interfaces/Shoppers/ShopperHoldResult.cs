namespace Tandem.Grains.Interfaces.Shoppers;

/// <summary>Whether an order's units are counted for its shopper, and the shopper's total afterwards.</summary>
[GenerateSerializer, Immutable, Alias("tandem.shopper-hold-result")]
public sealed record ShopperHoldResult
{
    [Id(0)] public required bool Allowed { get; init; }

    [Id(1)] public required int Held { get; init; }
}
