using Tandem.Contracts.Experiments;

namespace Tandem.Grains.Interfaces.Experiments;

/// <summary>
/// The experiments' list (a single grain): the newest view each experiment announced. What the recommender reads to know
/// which experiments run, and what the control room lists. Only <see cref="IExperimentGrain"/>s write it.
/// </summary>
public interface IExperimentDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "experiments";

    /// <summary>Keeps <paramref name="view"/> unless a newer version of the experiment is known. Idempotent.</summary>
    Task AnnounceAsync(ExperimentView view);

    /// <summary>Every experiment, the newest created first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ExperimentView>> ListAsync();

    /// <summary>The running experiments, with the version of the list (bumped by every change).</summary>
    [ReadOnly]
    Task<RunningExperiments> RunningAsync();
}

[GenerateSerializer, Immutable, Alias("tandem.running-experiments")]
public sealed record RunningExperiments
{
    /// <summary>Running experiments, the earliest started first.</summary>
    [Id(0)] public required IReadOnlyList<ExperimentView> Experiments { get; init; }

    [Id(1)] public required long Version { get; init; }
}
