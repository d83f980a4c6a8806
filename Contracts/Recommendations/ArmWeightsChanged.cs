namespace Tandem.Contracts.Recommendations;

/// <summary>
/// A segment's strategy records changed (a click or an ignored impression was credited). Published on
/// <see cref="StreamNamespace"/> once per session-stream partition (stream id "0"–"7"), so every recommender hears it.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.arm-weights-changed")]
public sealed record ArmWeightsChanged
{
    public const string StreamNamespace = "tandem.arm-weights";

    /// <summary>What the control room's feed calls these events (<c>OpsEvent.Kind</c>).</summary>
    public const string OpsKind = "armWeights";

    /// <summary>Which shoppers the records are for: <c>browse</c> (empty cart) or <c>cart</c>.</summary>
    [Id(0)] public required string Segment { get; init; }

    [Id(1)] public required IReadOnlyList<ArmStats> Arms { get; init; }

    /// <summary>Counts every change; a reader keeps the highest.</summary>
    [Id(2)] public required long Version { get; init; }

    [Id(3)] public required DateTimeOffset At { get; init; }
}
