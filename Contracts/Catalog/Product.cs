namespace Tandem.Contracts.Catalog;

/// <summary>A sellable product.</summary>
[GenerateSerializer, Immutable, Alias("tandem.product")]
public sealed record Product
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public required string Category { get; init; }

    [Id(3)] public required decimal Price { get; init; }

    [Id(4)] public required Dimensions Dimensions { get; init; }

    [Id(5)] public required double WeightKg { get; init; }

    /// <summary>Shopping scenes the product belongs to, such as <c>newborn-travel</c>.</summary>
    [Id(6)] public required IReadOnlyList<string> SceneTags { get; init; }

    [Id(7)] public required string Description { get; init; }

    /// <summary>Nothing may be packed on top of it.</summary>
    [Id(8)] public bool Fragile { get; init; }

    /// <summary>"This side up": packed standing on its base (<see cref="Dimensions.HeightCm"/> vertical), only turned about the vertical.</summary>
    [Id(9)] public bool ThisSideUp { get; init; }
}
