using Tandem.Brains.Experiments;
using Tandem.Contracts.Experiments;
using Tandem.Grains.Interfaces.Experiments;

namespace Tandem.Grains.Experiments;

/// <summary>Which variant of a running experiment a unit gets: targeting first, then the sticky hash (<see cref="Assignment"/>).</summary>
public static class ExperimentUnits
{
    /// <summary>
    /// The first of <paramref name="running"/> that changes <paramref name="setting"/> (a <see cref="VariantSettings"/>
    /// property's name) and puts the unit in a variant (<see cref="Assign(ExperimentView, string, string, string?, DateTimeOffset?)"/>):
    /// the unit's exposure to it, or null. Running experiments never share a setting for a segment and region (<see cref="ExperimentLayers"/>).
    /// </summary>
    public static ExperimentExposure? Find(IEnumerable<ExperimentView> running, string setting, string unitId, string segment, string? region, DateTimeOffset? activeAt, DateTimeOffset now)
    {
        foreach (var view in running)
        {
            var variant = Assign(view, unitId, segment, region, activeAt);
            if (variant >= 0 && ExperimentLayers.Settings(view.Definition).Contains(setting))
            {
                return new ExperimentExposure { ExperimentId = view.Definition.Id, Variant = variant, VariantName = view.Definition.Variants[variant].Name, At = now };
            }
        }

        return null;
    }

    /// <summary>
    /// The first of <paramref name="running"/> that changes <paramref name="setting"/> (one a zone or a store cell is assigned
    /// by) and puts the unit <paramref name="unitId"/> of <paramref name="region"/> in a variant: its exposure, or null.
    /// </summary>
    public static ExperimentExposure? FindSupply(IEnumerable<ExperimentView> running, string setting, string unitId, string region, DateTimeOffset now)
    {
        foreach (var view in running)
        {
            if (ExperimentLayers.Settings(view.Definition).Contains(setting) && AssignSupply(view, unitId, region) is var variant and >= 0)
            {
                return new ExperimentExposure { ExperimentId = view.Definition.Id, Variant = variant, VariantName = view.Definition.Variants[variant].Name, At = now };
            }
        }

        return null;
    }

    /// <summary>
    /// The first of <paramref name="running"/> that changes <paramref name="setting"/> (one a shopper is assigned by) and puts
    /// <paramref name="shopperId"/> in a variant: its exposure, or null. Shoppers are targeted by traffic alone.
    /// </summary>
    public static ExperimentExposure? FindShopper(IEnumerable<ExperimentView> running, string setting, string shopperId, DateTimeOffset now)
    {
        foreach (var view in running.Where(v => v.Status == ExperimentStatus.Running && ExperimentLayers.Settings(v.Definition).Contains(setting)))
        {
            var variant = Assignment.Assign(view.Definition.Id, shopperId, [.. view.Definition.Variants.Select(v => new Variant(v.Name, v.Weight))], view.Definition.Traffic);
            if (variant >= 0)
            {
                return new ExperimentExposure { ExperimentId = view.Definition.Id, Variant = variant, VariantName = view.Definition.Variants[variant].Name, At = now };
            }
        }

        return null;
    }

    /// <summary>The variant's index for a zone or store cell of <paramref name="region"/>, or -1 when it is not in the (running) experiment.</summary>
    public static int AssignSupply(ExperimentView running, string unitId, string region) =>
        running.Status == ExperimentStatus.Running && (running.Definition.Regions.Count == 0 || running.Definition.Regions.Contains(region, StringComparer.Ordinal))
            ? Assignment.Assign(running.Definition.Id, unitId, [.. running.Definition.Variants.Select(v => new Variant(v.Name, v.Weight))], running.Definition.Traffic)
            : -1;

    /// <summary>The running experiments assigning zones, with the variant each puts <paramref name="region"/> in: its orders and censuses count there too.</summary>
    public static IEnumerable<(string ExperimentId, int Variant)> ZoneArms(IEnumerable<ExperimentView> running, string region) =>
        running
            .Where(v => ExperimentLayers.Settings(v.Definition).Contains(nameof(VariantSettings.DispatchWindowSeconds)))
            .Select(v => (v.Definition.Id, Variant: AssignSupply(v, region, region)))
            .Where(a => a.Variant >= 0);

    /// <summary>How a list or page names the variant it was made under: "experiment:variant".</summary>
    public static string Tag(ExperimentExposure exposure) => $"{exposure.ExperimentId}:{exposure.VariantName}";

    /// <summary>
    /// As below for a running experiment, and only for a unit active (<paramref name="activeAt"/>: its latest change) since
    /// the experiment started: a unit enters an experiment by what it does while it runs, never by a list made again for it
    /// later (a re-rank, a late event) when it has done nothing since the start.
    /// </summary>
    public static int Assign(ExperimentView running, string unitId, string segment, string? region, DateTimeOffset? activeAt) =>
        running.Status == ExperimentStatus.Running && running.StartedAt is { } started && activeAt >= started
            ? Assign(running.Definition, unitId, segment, region)
            : -1;

    /// <summary>
    /// The variant's index for session <paramref name="unitId"/> in <paramref name="segment"/> and <paramref name="region"/>
    /// (null: a session that gave no place, in no region), or -1 when the session is not in the experiment: the experiment
    /// targets segments or regions it is not in, or the hash leaves it out.
    /// </summary>
    public static int Assign(ExperimentDefinition experiment, string unitId, string segment, string? region)
    {
        if (experiment.Segments.Count > 0 && !experiment.Segments.Contains(segment, StringComparer.Ordinal))
        {
            return -1;
        }

        if (experiment.Regions.Count > 0 && (region is null || !experiment.Regions.Contains(region, StringComparer.Ordinal)))
        {
            return -1;
        }

        return Assignment.Assign(experiment.Id, unitId, [.. experiment.Variants.Select(v => new Variant(v.Name, v.Weight))], experiment.Traffic);
    }
}
