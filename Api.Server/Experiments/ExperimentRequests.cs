using Tandem.Api.Http;
using Tandem.Contracts.Experiments;
using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Grains.Recommendations;

namespace Tandem.Api.Experiments;

/// <summary>What makes a request a valid experiment definition, field by field.</summary>
public static class ExperimentRequests
{
    public const string IdRule = "An experiment id is 1–64 letters, digits, '-', '_' or '.', starting with a letter or digit.";
    public const int MinVariants = 2;
    public const int MaxVariants = 8;
    public const double MaxWeight = 1000;

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

        return errors.Any ? null : new ExperimentDefinition
        {
            Id = body.Id!, Name = body.Name!, Hypothesis = body.Hypothesis, Variants = variants, Traffic = traffic, Segments = [.. segments],
            BaseRate = baseRate, MinimumEffect = effect,
        };
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

            variants.Add(new VariantDefinition { Name = variant.Name ?? "", Weight = weight, Settings = new VariantSettings { RecommendationStrategy = strategy, Layout = layout } });
        }

        if (variants.Select(v => v.Name).Distinct(StringComparer.Ordinal).Count() != variants.Count)
        {
            errors.Add("variants", "Variant names must differ.");
        }

        if (variants.Count == requested.Count && variants.All(v => v.Settings.RecommendationStrategy is null && v.Settings.Layout is null))
        {
            errors.Add("variants", "At least one variant changes a setting (settings.recommendationStrategy, settings.layout); an experiment changing nothing is never met.");
        }

        return variants;
    }
}
