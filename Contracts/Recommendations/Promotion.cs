namespace Tandem.Contracts.Recommendations;

/// <summary>
/// A product the shop wants shown more: by ops now, by the supply chain's slow-mover flag later. The recommender's
/// <c>promoted</c> strategy offers it to the sessions its category and scenes fit best; the bandit decides how often.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.promotion")]
public sealed record Promotion
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public required string Category { get; init; }

    [Id(3)] public required IReadOnlyList<string> Scenes { get; init; }

    /// <summary>Why, for people: shown with the pick (e.g. <c>Winter clearance</c>).</summary>
    [Id(4)] public required string Reason { get; init; }

    /// <summary>Who asked: <c>ops</c> (a person) or a brain (e.g. <c>slow-mover</c>).</summary>
    [Id(5)] public required string Source { get; init; }

    [Id(6)] public required DateTimeOffset Since { get; init; }

    /// <summary>When it ends by itself; null while someone ends it.</summary>
    [Id(7)] public DateTimeOffset? Until { get; init; }
}

/// <summary>The promotions running now, and the version of the list.</summary>
[GenerateSerializer, Immutable, Alias("tandem.promotions")]
public sealed record Promotions
{
    [Id(0)] public required IReadOnlyList<Promotion> Items { get; init; }

    [Id(1)] public required long Version { get; init; }
}
