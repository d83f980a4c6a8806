namespace Tandem.Contracts.Recommendations;

/// <summary>A strategy's record in a segment: clicks and ignored impressions (fading with time) and the posterior mean click rate the bandit weighs it by.</summary>
[GenerateSerializer, Immutable, Alias("tandem.arm-stats")]
public sealed record ArmStats
{
    [Id(0)] public required string Arm { get; init; }

    [Id(1)] public required double Clicks { get; init; }

    [Id(2)] public required double Misses { get; init; }

    /// <summary>(1 + clicks) / (2 + clicks + misses): the mean of the Beta posterior over its click rate.</summary>
    [Id(3)] public required double Mean { get; init; }
}
