using Tandem.Brains.Experiments;
using Tandem.Contracts.Experiments;

namespace Tandem.Grains.Experiments;

/// <summary>Which variant of a running experiment a unit gets: targeting first, then the sticky hash (<see cref="Assignment"/>).</summary>
public static class ExperimentUnits
{
    /// <summary>
    /// As below for a running experiment, and only for a unit active (<paramref name="activeAt"/>: its latest change) since
    /// the experiment started: a unit enters an experiment by what it does while it runs, never by a list made again for it
    /// later (a re-rank, a late event) when it has done nothing since the start.
    /// </summary>
    public static int Assign(ExperimentView running, string unitId, string segment, DateTimeOffset? activeAt) =>
        running.Status == ExperimentStatus.Running && running.StartedAt is { } started && activeAt >= started
            ? Assign(running.Definition, unitId, segment)
            : -1;

    /// <summary>The variant's index for <paramref name="unitId"/> in <paramref name="segment"/>, or -1 when the unit is not in the experiment.</summary>
    public static int Assign(ExperimentDefinition experiment, string unitId, string segment)
    {
        if (experiment.Segments.Count > 0 && !experiment.Segments.Contains(segment, StringComparer.Ordinal))
        {
            return -1;
        }

        return Assignment.Assign(experiment.Id, unitId, [.. experiment.Variants.Select(v => new Variant(v.Name, v.Weight))], experiment.Traffic);
    }
}
