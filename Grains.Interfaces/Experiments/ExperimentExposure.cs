namespace Tandem.Grains.Interfaces.Experiments;

/// <summary>A unit met an experiment's variant (its index in the definition) at <see cref="At"/>.</summary>
[GenerateSerializer, Immutable, Alias("tandem.experiment-exposure")]
public sealed record ExperimentExposure
{
    [Id(0)] public required string ExperimentId { get; init; }

    [Id(1)] public required int Variant { get; init; }

    [Id(2)] public required string VariantName { get; init; }

    [Id(3)] public required DateTimeOffset At { get; init; }
}
