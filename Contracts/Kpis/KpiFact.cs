namespace Tandem.Contracts.Kpis;

/// <summary>
/// One thing that happened, as a KPI counts it: the grain that saw it sends it (from its outbox) to the KPI grains of its
/// region and of the whole city. Counted once per <see cref="Id"/>, however often it is sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.kpi-fact")]
public sealed record KpiFact
{
    /// <summary>Unique per thing counted (e.g. <c>order:o-1:placed</c>).</summary>
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required KpiMeasure Measure { get; init; }

    /// <summary>When it happened, on the clock of the grain that saw it: the minute it is counted in.</summary>
    [Id(2)] public required DateTimeOffset At { get; init; }

    [Id(3)] public double Value { get; init; } = 1;
}
