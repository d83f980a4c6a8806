using Tandem.Contracts.Experiments;

namespace Tandem.Grains.Experiments;

/// <summary>
/// Two running experiments must not change the same setting for the same shoppers: a session would get one of them at
/// random and neither would measure what it changed. Experiments on different settings, or on disjoint segments, run
/// side by side (assignment hashes each experiment's id, so they are independent).
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

        return settings;
    }

    /// <summary>Why <paramref name="candidate"/> cannot start beside <paramref name="running"/>, or null when it can.</summary>
    public static string? Clash(ExperimentDefinition candidate, IEnumerable<ExperimentDefinition> running)
    {
        var mine = Settings(candidate);
        foreach (var other in running.Where(r => r.Id != candidate.Id))
        {
            var shared = Settings(other).Where(mine.Contains).ToList();
            var segmentsMeet = candidate.Segments.Count == 0 || other.Segments.Count == 0 || candidate.Segments.Intersect(other.Segments, StringComparer.Ordinal).Any();
            if (shared.Count > 0 && segmentsMeet)
            {
                return $"Experiment {other.Id} is running and changes {string.Join(", ", shared)} for the same segments; stop it first.";
            }
        }

        return null;
    }
}
