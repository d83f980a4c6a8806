namespace Tandem.Contracts.Recommendations;

/// <summary>
/// One vote behind a recommended product: the strategy (<c>co-view</c>, <c>co-purchase</c>, <c>recently-viewed</c>,
/// <c>scene</c>), the product or scene that cast it, the graph edge's share of that product's weight (for graph
/// strategies), and the vote's size after the strategy's weight.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.recommendation-evidence")]
public sealed record RecommendationEvidence
{
    [Id(0)] public required string Arm { get; init; }

    /// <summary>The viewed or bought sku, or the scene, that cast the vote.</summary>
    [Id(1)] public string? From { get; init; }

    /// <summary>The edge's share of <see cref="From"/>'s co-view or co-purchase weight (0–1); null for strategies without edges.</summary>
    [Id(2)] public double? Edge { get; init; }

    [Id(3)] public required double Vote { get; init; }
}
