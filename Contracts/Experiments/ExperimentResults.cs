namespace Tandem.Contracts.Experiments;

/// <summary>
/// An experiment's results so far: units exposed per variant, the sample-ratio check, and per variant its conversion
/// and revenue per unit with 95 % intervals, each treatment against the control.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.experiment-results")]
public sealed record ExperimentResults
{
    [Id(0)] public required string ExperimentId { get; init; }

    [Id(1)] public required IReadOnlyList<VariantResult> Variants { get; init; }

    /// <summary>Pearson's chi-square of the exposed units against the weights; a mismatch (p below 0.001) means the experiment is broken.</summary>
    [Id(2)] public required SampleRatioResult SampleRatio { get; init; }

    /// <summary>The units each variant needs for the planned test (from the definition's base rate and minimum effect).</summary>
    [Id(3)] public required long PlannedPerVariant { get; init; }

    /// <summary>How to read the figures, in words (the test and when to read it).</summary>
    [Id(4)] public required string Test { get; init; }

    [Id(5)] public required DateTimeOffset At { get; init; }

    /// <summary>
    /// The other units the experiment assigns (shoppers beside sessions; zones, store cells): how many met each variant,
    /// the sample-ratio check, and for shoppers their conversions.
    /// </summary>
    [Id(6)] public IReadOnlyList<UnitResults> Units { get; init; } = [];

    /// <summary>
    /// What <see cref="Variants"/> count (<see cref="ExperimentUnitKinds"/>): sessions converting with an order, or, for an
    /// experiment changing no session's setting but a shopper's, shoppers converting with a return settled by the coupon.
    /// </summary>
    [Id(7)] public string Unit { get; init; } = ExperimentUnitKinds.Session;
}

/// <summary>One kind of supply-chain unit's exposures (<see cref="ExperimentUnitKinds"/>).</summary>
[GenerateSerializer, Immutable, Alias("tandem.unit-results")]
public sealed record UnitResults
{
    [Id(0)] public required string Unit { get; init; }

    /// <summary>Units that met each variant, in the variants' order.</summary>
    [Id(1)] public required IReadOnlyList<long> Exposed { get; init; }

    [Id(2)] public required SampleRatioResult SampleRatio { get; init; }

    /// <summary>Units that converted after meeting each variant (shoppers: a return settled with the coupon; zones and cells never convert).</summary>
    [Id(3)] public IReadOnlyList<long> Converted { get; init; } = [];

    /// <summary>Each variant's conversion against the control's (null for the control and for units that never convert).</summary>
    [Id(4)] public IReadOnlyList<Comparison?> Conversion { get; init; } = [];

    /// <summary>
    /// What is observed of these units per event, when anything is: <c>onTime</c> for zones (each delivery their orders made,
    /// on time within the promise or not), <c>inStock</c> for store cells (each stock census that read them, with a unit to
    /// sell or not); null before any.
    /// </summary>
    [Id(5)] public string? Outcome { get; init; }

    /// <summary>The events observed per variant (zones: deliveries; store cells: censuses).</summary>
    [Id(6)] public IReadOnlyList<long> Observed { get; init; } = [];

    /// <summary>Each variant's share of its events that succeeded (zones: deliveries on time; store cells: censuses in stock).</summary>
    [Id(7)] public IReadOnlyList<double> Shares { get; init; } = [];

    /// <summary>
    /// Each variant's share against the control's, with the interval clustered by unit (the units are what was assigned:
    /// a zone's deliveries, a cell's censuses share its fate); null for the control and while either has fewer than two units with an event.
    /// </summary>
    [Id(8)] public IReadOnlyList<Comparison?> ShareChange { get; init; } = [];
}

/// <summary>A guardrail read for one treatment: the control's and the treatment's value and whether the margin was passed.</summary>
[GenerateSerializer, Immutable, Alias("tandem.guardrail-result")]
public sealed record GuardrailResult
{
    [Id(0)] public required string Indicator { get; init; }

    [Id(1)] public required double Margin { get; init; }

    [Id(2)] public double? Control { get; init; }

    [Id(3)] public double? Treatment { get; init; }

    /// <summary>How much worse the treatment is than the control (negative: better); null while either has too few observations.</summary>
    [Id(4)] public double? Worse { get; init; }

    /// <summary>Worse by more than the margin, with both read from at least <see cref="ExperimentGuardrails.MinimumObservations"/>.</summary>
    [Id(5)] public required bool Breached { get; init; }
}

[GenerateSerializer, Immutable, Alias("tandem.sample-ratio-result")]
public sealed record SampleRatioResult
{
    [Id(0)] public required double ChiSquare { get; init; }

    [Id(1)] public required double PValue { get; init; }

    [Id(2)] public required bool Mismatch { get; init; }
}

[GenerateSerializer, Immutable, Alias("tandem.variant-result")]
public sealed record VariantResult
{
    [Id(0)] public required string Name { get; init; }

    /// <summary>Units (sessions, or shoppers: <see cref="ExperimentResults.Unit"/>) that met the variant.</summary>
    [Id(1)] public required long Exposed { get; init; }

    /// <summary>Exposed units that placed an order after meeting it (shoppers: settled a return with the coupon).</summary>
    [Id(2)] public required long Converted { get; init; }

    /// <summary>Orders the exposed units placed since (shoppers: returns settled with the coupon).</summary>
    [Id(3)] public required long Orders { get; init; }

    /// <summary>The orders' revenue (shoppers: the coupons' value).</summary>

    [Id(4)] public required decimal Revenue { get; init; }

    [Id(5)] public required double ConversionRate { get; init; }

    [Id(6)] public required double RevenuePerUnit { get; init; }

    /// <summary>Against the control (null for the control itself, or while either has no unit).</summary>
    [Id(7)] public Comparison? Conversion { get; init; }

    [Id(8)] public Comparison? RevenuePerUnitChange { get; init; }

    /// <summary>
    /// The variant's live indicators since the experiment started, from its own KPI grain: what its zones and store cells
    /// did (orders, deliveries, stock censuses); empty for an experiment on sessions alone.
    /// </summary>
    [Id(9)] public IReadOnlyList<Kpis.KpiIndicator> Kpis { get; init; } = [];

    /// <summary>Each guardrail against the control (none for the control itself).</summary>
    [Id(10)] public IReadOnlyList<GuardrailResult> Guardrails { get; init; } = [];
}

/// <summary>A treatment's difference from the control with its 95 % interval and two-sided p-value.</summary>
[GenerateSerializer, Immutable, Alias("tandem.experiment-comparison")]
public sealed record Comparison
{
    [Id(0)] public required double Difference { get; init; }

    [Id(1)] public required double Low { get; init; }

    [Id(2)] public required double High { get; init; }

    [Id(3)] public required double PValue { get; init; }

    /// <summary>The interval leaves out 0.</summary>
    public bool Significant => Low > 0 || High < 0;
}
