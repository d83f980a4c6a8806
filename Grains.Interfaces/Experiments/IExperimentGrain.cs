using Tandem.Contracts.Experiments;

namespace Tandem.Grains.Interfaces.Experiments;

[GenerateSerializer, Alias("tandem.experiment-outcome")]
public enum ExperimentOutcome
{
    Applied = 0,

    /// <summary>Already so; nothing changed.</summary>
    Replayed = 1,

    /// <summary>No such experiment.</summary>
    NotFound = 2,

    /// <summary>Not possible in its state (created with another definition, started after its stop, a setting another running experiment changes).</summary>
    Conflict = 3,
}

[GenerateSerializer, Immutable, Alias("tandem.experiment-result")]
public sealed record ExperimentResult
{
    [Id(0)] public required ExperimentOutcome Outcome { get; init; }

    [Id(1)] public ExperimentView? Experiment { get; init; }

    [Id(2)] public string? Detail { get; init; }
}

/// <summary>
/// One experiment (key: its id): the only owner of its definition and lifecycle. Create, start and stop are idempotent.
/// Every change is announced to the experiments' list (<see cref="IExperimentDirectoryGrain"/>) through the grain's
/// outbox, so the recommender and the control room hear it even when a silo dies right after the write.
/// </summary>
public interface IExperimentGrain : IGrainWithStringKey
{
    /// <summary>Creates the experiment; the same definition again is <see cref="ExperimentOutcome.Replayed"/>, another a conflict.</summary>
    Task<ExperimentResult> CreateAsync(ExperimentDefinition definition, string actor);

    /// <summary>Starts assigning units. Refused after a stop, and while another running experiment changes the same setting.</summary>
    Task<ExperimentResult> StartAsync(string actor);

    /// <summary>Stops assigning units; the results stay. A draft stops without ever running.</summary>
    Task<ExperimentResult> StopAsync(string actor);

    [ReadOnly]
    Task<ExperimentView?> GetAsync();

    /// <summary>The results so far from the experiment's tallies; null before it started.</summary>
    [ReadOnly]
    Task<ExperimentResults?> GetResultsAsync();
}
