namespace Tandem.Contracts.Recommendations;

/// <summary>A product picked for a shopper, with why.</summary>
[GenerateSerializer, Immutable, Alias("tandem.recommendation")]
public sealed record Recommendation
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public required decimal Price { get; init; }

    [Id(3)] public required double Score { get; init; }

    /// <summary>What it comes from, for people: the product viewed or bought with it, or the scene or category it completes (e.g. <c>newborn-travel</c>).</summary>
    [Id(4)] public required string Because { get; init; }

    /// <summary>The strategy that placed it: <c>co-view</c>, <c>co-purchase</c>, <c>recently-viewed</c>, <c>scene</c>, <c>popular</c> (in a category) or <c>promoted</c>.</summary>
    [Id(5)] public string Arm { get; init; } = "scene";

    /// <summary>The viewed or bought product behind the strongest vote; null when a scene or category is.</summary>
    [Id(6)] public string? BecauseSku { get; init; }

    /// <summary>Every vote it got, largest first: the lineage of the decision.</summary>
    [Id(7)] public IReadOnlyList<RecommendationEvidence> Evidence { get; init; } = [];

    /// <summary>The chance <see cref="Arm"/> had of being drawn for this slot (Thompson sampling); 1 when no draw was made.</summary>
    [Id(8)] public double Propensity { get; init; } = 1;

    /// <summary>The session's purchase intent in this product's category (see <see cref="RecommendationsChanged.Intent"/>); null when the category was not read.</summary>
    [Id(9)] public double? CategoryIntent { get; init; }
}
