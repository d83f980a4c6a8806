namespace Tandem.Contracts.Experiments;

// HTTP contract v1. Request fields are nullable so a missing field is reported by name (400 with the field).

public sealed record CreateExperimentRequest(
    string? Id, string? Name, string? Hypothesis, IReadOnlyList<VariantRequest>? Variants, double? Traffic,
    IReadOnlyList<string>? Segments, double? BaseRate, double? MinimumEffect,
    IReadOnlyList<string>? Regions = null, IReadOnlyList<GuardrailRequest>? Guardrails = null);

public sealed record GuardrailRequest(string? Indicator, double? Margin);

public sealed record VariantRequest(string? Name, double? Weight, VariantSettingsRequest? Settings);

public sealed record VariantSettingsRequest(string? RecommendationStrategy, string? Layout, double? ServiceLevel = null, int? DispatchWindowSeconds = null, decimal? CouponUplift = null);

/// <summary>An experiment with its results so far (none before it starts).</summary>
public sealed record ExperimentDetail(ExperimentView Experiment, ExperimentResults? Results);
