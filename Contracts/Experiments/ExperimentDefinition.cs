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

    /// <summary>
    /// The regions (dispatch zones, <c>r{row}c{col}</c>) whose units take part: zones, store cells, and sessions counted in
    /// them (a session's region is fixed by the place sent with its first behaviour; one with none is in no region); empty
    /// for all. Shoppers are targeted by traffic alone.
    /// </summary>
    [Id(8)] public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>
    /// Live indicators a treatment must not make worse than the control by more than a margin (read from each variant's
    /// KPI grain); empty: the defaults of the settings changed (<see cref="ExperimentGuardrails"/>).
    /// </summary>
    [Id(9)] public IReadOnlyList<Guardrail> Guardrails { get; init; } = [];
}

/// <summary>A live indicator (a KPI's name, e.g. <c>onTime</c>) a treatment may make worse by at most <see cref="Margin"/>.</summary>
[GenerateSerializer, Immutable, Alias("tandem.guardrail")]
public sealed record Guardrail
{
    [Id(0)] public required string Indicator { get; init; }

    /// <summary>How much worse than the control the treatment may be, in the indicator's unit (0.05: five points of a share).</summary>
    [Id(1)] public required double Margin { get; init; }
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

    /// <summary>
    /// Supply chain, per store cell: the service level the cell's safety stock and reorder point are set for (0.5–0.999;
    /// the product's is <c>Tandem:Forecasting:ServiceLevel</c>).
    /// </summary>
    [Id(2)] public double? ServiceLevel { get; init; }

    /// <summary>
    /// Supply chain, per dispatch zone: the longest a zone's dispatch window grows to as orders pile up, in seconds (1–60;
    /// the product's is <c>Tandem:Dispatch:WindowMax</c>). Longer windows batch more orders per courier and wait longer.
    /// </summary>
    [Id(3)] public int? DispatchWindowSeconds { get; init; }

    /// <summary>
    /// Per shopper: how much more than the refund the coupon offered instead is worth (0–1; 0.25: a 25 % richer coupon; the
    /// product's is <c>Tandem:Returns:CouponUplift</c>). Fixed for a return when it is requested; the shopper is exposed
    /// when a return of theirs is offered the coupon, and counts as converted when a return settles with it.
    /// </summary>
    [Id(4)] public decimal? CouponUplift { get; init; }
}
