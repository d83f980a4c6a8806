using Tandem.Api.Http;
using Tandem.Brains.Dispatch;
using Tandem.Contracts.Experiments;
using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Grains.Kpis;
using Tandem.Grains.Recommendations;

namespace Tandem.Api.Experiments;

/// <summary>What makes a request a valid experiment definition, field by field.</summary>
public static class ExperimentRequests
{
    public const string IdRule = "An experiment id is 1–64 letters, digits, '-', '_' or '.', starting with a letter or digit.";
    public const int MinVariants = 2;
    public const int MaxVariants = 8;
    public const double MaxWeight = 1000;
    public const int MaxRegions = 100;
    public const int MaxGuardrails = 10;
    public const double MinServiceLevel = 0.5;
    public const double MaxServiceLevel = 0.999;
    public const int MinWindowSeconds = 1;
    public const int MaxWindowSeconds = 60;
    public const decimal MaxCouponUplift = 1m;

    /// <summary>The definition <paramref name="body"/> asks for, or null with what is wrong in <paramref name="errors"/>.</summary>
    public static ExperimentDefinition? Definition(CreateExperimentRequest body, out RequestErrors errors)
    {
        errors = new RequestErrors()
            .Identifier("id", body.Id)
            .Text("name", body.Name)
            .Text("hypothesis", body.Hypothesis, required: false);
        var variants = Variants(body.Variants, errors);
        var traffic = body.Traffic ?? 1;
        if (!double.IsFinite(traffic) || traffic <= 0 || traffic > 1)
        {
            errors.Add("traffic", "The share of units taking part: more than 0, at most 1.");
        }

        var segments = body.Segments ?? [];
        if (segments.Any(s => !Segments.All.Contains(s)) || segments.Distinct(StringComparer.Ordinal).Count() != segments.Count)
        {
            errors.Add("segments", $"Distinct segments among {string.Join(", ", Segments.All)} (none for all).");
        }

        var baseRate = body.BaseRate ?? 0.1;
        var effect = body.MinimumEffect ?? 0.02;
        if (!double.IsFinite(baseRate) || baseRate <= 0 || baseRate >= 1)
        {
            errors.Add("baseRate", "The control's expected conversion rate: strictly between 0 and 1.");
        }
        else if (!double.IsFinite(effect) || Math.Abs(effect) < 0.001 || baseRate + effect <= 0 || baseRate + effect >= 1)
        {
            errors.Add("minimumEffect", "The smallest change worth finding: at least 0.001 either way, keeping the rate strictly between 0 and 1.");
        }

        var regions = body.Regions ?? [];
        if (regions.Count > MaxRegions || regions.Any(r => r is null || !ZoneKey.TryParse(r, out _)) || regions.Distinct(StringComparer.Ordinal).Count() != regions.Count)
        {
            errors.Add("regions", $"At most {MaxRegions} distinct dispatch zones, each r{{row}}c{{col}} (none for all).");
        }
        else if (regions.Count > 0 && variants.Count > 0 && variants.All(v => v.Settings with { CouponUplift = null } == new VariantSettings()))
        {
            errors.Add("regions", "Regions target zones, store cells and the sessions counted in them: the variants change only a shopper's coupon (shoppers are targeted by traffic alone).");
        }

        var guardrails = Guardrails(body.Guardrails, errors);
        return errors.Any ? null : new ExperimentDefinition
        {
            Id = body.Id!, Name = body.Name!, Hypothesis = body.Hypothesis, Variants = variants, Traffic = traffic, Segments = [.. segments],
            BaseRate = baseRate, MinimumEffect = effect, Regions = [.. regions], Guardrails = guardrails,
        };
    }

    private static List<Guardrail> Guardrails(IReadOnlyList<GuardrailRequest>? requested, RequestErrors errors)
    {
        var guardrails = new List<Guardrail>();
        if (requested is null)
        {
            return guardrails;
        }

        if (requested.Count > MaxGuardrails)
        {
            errors.Add("guardrails", $"At most {MaxGuardrails}.");
            return guardrails;
        }

        for (var i = 0; i < requested.Count; i++)
        {
            var (field, guardrail) = ($"guardrails[{i}]", requested[i]);
            if (guardrail?.Indicator is not { } indicator || !KpiIndicators.Names.Contains(indicator) || indicator == "orders")
            {
                errors.Add($"{field}.indicator", $"One of {string.Join(", ", KpiIndicators.Names.Where(n => n != "orders"))}.");
                continue;
            }

            if (guardrail.Margin is not { } margin || !double.IsFinite(margin) || margin < 0 || margin > 1_000_000)
            {
                errors.Add($"{field}.margin", "How much worse than the control the treatment may be, in the indicator's unit: 0 or more.");
                continue;
            }

            guardrails.Add(new Guardrail { Indicator = indicator, Margin = margin });
        }

        if (guardrails.Select(g => g.Indicator).Distinct(StringComparer.Ordinal).Count() != guardrails.Count)
        {
            errors.Add("guardrails", "One guardrail per indicator.");
        }

        return guardrails;
    }

    private static List<VariantDefinition> Variants(IReadOnlyList<VariantRequest>? requested, RequestErrors errors)
    {
        if (requested is null || requested.Count is < MinVariants or > MaxVariants)
        {
            errors.Add("variants", $"{MinVariants}–{MaxVariants} variants; the first is the control.");
            return [];
        }

        var variants = new List<VariantDefinition>();
        for (var i = 0; i < requested.Count; i++)
        {
            var (field, variant) = ($"variants[{i}]", requested[i]);
            if (variant is null)
            {
                errors.Add(field, "Required.");
                continue;
            }

            errors.Identifier($"{field}.name", variant.Name);
            var weight = variant.Weight ?? 1;
            if (!double.IsFinite(weight) || weight <= 0 || weight > MaxWeight)
            {
                errors.Add($"{field}.weight", $"A relative share: more than 0, at most {MaxWeight}.");
            }

            var strategy = variant.Settings?.RecommendationStrategy;
            if (strategy is not null && !PickStrategies.Known.Contains(strategy))
            {
                errors.Add($"{field}.settings.recommendationStrategy", $"One of {string.Join(", ", PickStrategies.Known.Order(StringComparer.Ordinal))}.");
            }

            var layout = variant.Settings?.Layout;
            if (layout is not null && !PageLayouts.All.Contains(layout))
            {
                errors.Add($"{field}.settings.layout", $"One of {string.Join(", ", PageLayouts.All)}.");
            }

            var level = variant.Settings?.ServiceLevel;
            if (level is { } l && (!double.IsFinite(l) || l < MinServiceLevel || l > MaxServiceLevel))
            {
                errors.Add($"{field}.settings.serviceLevel", $"The share of demand the safety stock covers: {MinServiceLevel}–{MaxServiceLevel}.");
            }

            var window = variant.Settings?.DispatchWindowSeconds;
            if (window is < MinWindowSeconds or > MaxWindowSeconds)
            {
                errors.Add($"{field}.settings.dispatchWindowSeconds", $"The longest a zone's dispatch window grows to: {MinWindowSeconds}–{MaxWindowSeconds} seconds.");
            }

            var uplift = variant.Settings?.CouponUplift;
            if (uplift is < 0m or > MaxCouponUplift)
            {
                errors.Add($"{field}.settings.couponUplift", $"How much more than the refund the coupon offered instead is worth: 0–{MaxCouponUplift} (0.25: 25 % more).");
            }

            variants.Add(new VariantDefinition
            {
                Name = variant.Name ?? "", Weight = weight,
                Settings = new VariantSettings { RecommendationStrategy = strategy, Layout = layout, ServiceLevel = level, DispatchWindowSeconds = window, CouponUplift = uplift },
            });
        }

        if (variants.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count() != variants.Count)
        {
            errors.Add("variants", "Variant names must differ.");
        }

        if (variants.Count == requested.Count && variants.All(v => v.Settings == new VariantSettings()))
        {
            errors.Add("variants", "At least one variant changes a setting (settings.recommendationStrategy, layout, serviceLevel, dispatchWindowSeconds, couponUplift); an experiment changing nothing is never met.");
        }

        return variants;
    }
}
