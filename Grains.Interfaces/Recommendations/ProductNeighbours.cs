namespace Tandem.Grains.Interfaces.Recommendations;

/// <summary>A product's strongest neighbours in the graph, each with its share of the product's edge weight of that relation.</summary>
[GenerateSerializer, Immutable, Alias("tandem.product-neighbours")]
public sealed record ProductNeighbours
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required IReadOnlyList<GraphEdge> CoView { get; init; }

    [Id(2)] public required IReadOnlyList<GraphEdge> CoPurchase { get; init; }

    /// <summary>How many lessons the product has learnt.</summary>
    [Id(3)] public required long Lessons { get; init; }
}
