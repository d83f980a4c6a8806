namespace Tandem.Contracts.Experiments;

/// <summary>
/// What an experiment tests: its variants (the first is the control), how much of the traffic takes part, and whom it
/// targets. Fixed once created; an experiment is started once and stopped once.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.experiment-definition")]
public sealed record ExperimentDefinition
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Name { get; init; }

    /// <summary>What the experiment expects to see, in words.</summary>
    [Id(2)] public string? Hypothesis { get; init; }

    /// <summary>Two or more variants; the first is the control every other is compared with.</summary>
    [Id(3)] public required IReadOnlyList<VariantDefinition> Variants { get; init; }

    /// <summary>The share of the eligible units that take part (0–1]; the rest see the product as it is.</summary>
    [Id(4)] public double Traffic { get; init; } = 1;

    /// <summary>The shopper segments that take part (<c>browse</c>, <c>cart</c>); empty for all.</summary>
    [Id(5)] public IReadOnlyList<string> Segments { get; init; } = [];

    /// <summary>
    /// The sample each variant needs for the planned test (fixed horizon): the control's conversion rate expected, and
    /// the smallest change worth finding. The results say when each variant has its sample.
    /// </summary>
    [Id(6)] public double BaseRate { get; init; } = 0.1;

    /// <summary>The smallest absolute change of the conversion rate worth finding (with 80 % power at α 0.05).</summary>
    [Id(7)] public double MinimumEffect { get; init; } = 0.02;
}

/// <summary>One arm of an experiment: its name, its share against the other variants' weights, and what it changes.</summary>
[GenerateSerializer, Immutable, Alias("tandem.variant-definition")]
public sealed record VariantDefinition
{
    [Id(0)] public required string Name { get; init; }

    [Id(1)] public double Weight { get; init; } = 1;

    [Id(2)] public VariantSettings Settings { get; init; } = new();
}

/// <summary>What a variant changes; a setting left out keeps the product's behaviour.</summary>
[GenerateSerializer, Immutable, Alias("tandem.variant-settings")]
public sealed record VariantSettings
{
    /// <summary>
    /// How the shop's picks are made: <c>bandit</c> (Thompson sampling over the strategies, the default),
    /// <c>uniform</c> (each slot from a strategy drawn at random) or one strategy alone (<c>co-view</c>, <c>popular</c>…).
    /// </summary>
    [Id(0)] public string? RecommendationStrategy { get; init; }

    /// <summary>The product page's layout (<see cref="PageLayouts"/>): <c>standard</c> or <c>picks-first</c>.</summary>
    [Id(1)] public string? Layout { get; init; }
}
