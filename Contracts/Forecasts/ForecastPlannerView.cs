namespace Tandem.Contracts.Forecasts;

/// <summary>A planner round: when, how many cells, the model.</summary>
[GenerateSerializer, Immutable, Alias("tandem.forecast-round")]
public sealed record ForecastRound
{
    [Id(0)] public required DateTimeOffset At { get; init; }

    [Id(1)] public int Cells { get; init; }

    [Id(2)] public required string ModelVersion { get; init; }

    [Id(3)] public bool Retrained { get; init; }

    [Id(4)] public double Seconds { get; init; }
}

/// <summary>The planner: known cells, cells waiting, the served model and the last rounds.</summary>
[GenerateSerializer, Immutable, Alias("tandem.forecast-planner-view")]
public sealed record ForecastPlannerView
{
    [Id(0)] public int KnownCells { get; init; }

    [Id(1)] public int Waiting { get; init; }

    [Id(2)] public string? ModelVersion { get; init; }

    [Id(3)] public IReadOnlyList<ForecastRound> Rounds { get; init; } = [];
}
