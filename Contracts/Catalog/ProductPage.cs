namespace Tandem.Contracts.Catalog;

/// <summary>One page of a product search and the number of products matching it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.product-page")]
public sealed record ProductPage
{
    [Id(0)] public required int Total { get; init; }

    [Id(1)] public required IReadOnlyList<Product> Items { get; init; }
}
