using Tandem.Contracts.Experiments;

namespace Tandem.Grains.Experiments;

/// <summary>
/// Two running experiments must not change the same setting for the same units: a session or a zone would get one of them
/// at random and neither would measure what it changed. Experiments on different settings, or on disjoint segments (for
/// a session's settings) or regions (for a zone's or a cell's), run side by side (assignment hashes each experiment's id,
/// so they are independent). A shopper's coupon is targeted by traffic alone: two coupon experiments never run together.
/// </summary>
public static class ExperimentLayers
{
    /// <summary>The settings a definition's variants change.</summary>
    public static IReadOnlySet<string> Settings(ExperimentDefinition definition)
    {
        var settings = new HashSet<string>(StringComparer.Ordinal);
        if (definition.Variants.Any(v => v.Settings.RecommendationStrategy is not null))
        {
            settings.Add(nameof(VariantSettings.RecommendationStrategy));
        }

        if (definition.Variants.Any(v => v.Settings.Layout is not null))
        {
            settings.Add(nameof(VariantSettings.Layout));
        }

        if (definition.Variants.Any(v => v.Settings.ServiceLevel is not null))
        {
            settings.Add(nameof(VariantSettings.ServiceLevel));
        }

        if (definition.Variants.Any(v => v.Settings.DispatchWindowSeconds is not null))
        {
            settings.Add(nameof(VariantSettings.DispatchWindowSeconds));
        }

        if (definition.Variants.Any(v => v.Settings.CouponUplift is not null))
        {
            settings.Add(nameof(VariantSettings.CouponUplift));
        }

        return settings;
    }

    /// <summary>Why <paramref name="candidate"/> cannot start beside <paramref name="running"/>, or null when it can.</summary>
    public static string? Clash(ExperimentDefinition candidate, IEnumerable<ExperimentDefinition> running)
    {
        var mine = Settings(candidate);
        foreach (var other in running.Where(r => r.Id != candidate.Id))
        {
            var shared = Settings(other).Where(mine.Contains).Where(s => Meet(candidate, other, ExperimentUnitKinds.Of(s))).ToList();
            if (shared.Count > 0)
            {
                return $"Experiment {other.Id} is running and changes {string.Join(", ", shared)} for the same segments or regions; stop it first.";
            }
        }

        return null;
    }

    /// <summary>Whether two experiments' targets share units of a kind: sessions by segment and region, zones and cells by region; shoppers always.</summary>
    private static bool Meet(ExperimentDefinition a, ExperimentDefinition b, string unit) => unit switch
    {
        ExperimentUnitKinds.Shopper => true,
        ExperimentUnitKinds.Session => Overlap(a.Segments, b.Segments) && Overlap(a.Regions, b.Regions),
        _ => Overlap(a.Regions, b.Regions),
    };

    /// <summary>Whether two targets (none: all) share a value.</summary>
    private static bool Overlap(IReadOnlyList<string> mine, IReadOnlyList<string> theirs) =>
        mine.Count == 0 || theirs.Count == 0 || mine.Intersect(theirs, StringComparer.Ordinal).Any();
}
