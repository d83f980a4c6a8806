namespace Tandem.Contracts.Experiments;

/// <summary>The layout a session's product pages use, and the experiment's variant that chose it (none: the shop's own).</summary>
[GenerateSerializer, Immutable, Alias("tandem.page-layout-choice")]
public sealed record PageLayoutChoice
{
    [Id(0)] public required string Layout { get; init; }

    /// <summary>"experiment:variant", or null when no running experiment sets the session's layout.</summary>
    [Id(1)] public string? Experiment { get; init; }
}
