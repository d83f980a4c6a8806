namespace Tandem.Contracts.Recommendations;

/// <summary>A product picked for a shopper, with why.</summary>
[GenerateSerializer, Immutable, Alias("tandem.recommendation")]
public sealed record Recommendation
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public required decimal Price { get; init; }

    [Id(3)] public required double Score { get; init; }

    /// <summary>The scene or category the shopper's behaviour points to, e.g. <c>newborn-travel</c>.</summary>
    [Id(4)] public required string Because { get; init; }
}
