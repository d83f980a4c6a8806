namespace Tandem.Contracts.Experiments;

[GenerateSerializer, Alias("tandem.experiment-status")]
public enum ExperimentStatus
{
    /// <summary>Defined, not started: nobody is assigned.</summary>
    Draft = 0,

    /// <summary>Units are assigned and exposed.</summary>
    Running = 1,

    /// <summary>Ended: nobody is assigned any more; the results stay.</summary>
    Stopped = 2,
}

/// <summary>An experiment: its definition, where it stands, who moved it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.experiment-view")]
public sealed record ExperimentView
{
    [Id(0)] public required ExperimentDefinition Definition { get; init; }

    [Id(1)] public required ExperimentStatus Status { get; init; }

    [Id(2)] public required DateTimeOffset CreatedAt { get; init; }

    [Id(3)] public required string CreatedBy { get; init; }

    [Id(4)] public DateTimeOffset? StartedAt { get; init; }

    [Id(5)] public string? StartedBy { get; init; }

    [Id(6)] public DateTimeOffset? StoppedAt { get; init; }

    [Id(7)] public string? StoppedBy { get; init; }

    /// <summary>Bumped by every change (the experiments' list keeps the newest it heard).</summary>
    [Id(8)] public required long Version { get; init; }
}
