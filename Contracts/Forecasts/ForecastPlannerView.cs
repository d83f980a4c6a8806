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

    /// <summary>The round's run id (a UUID): its lineage run events and the forecasts it made name it.</summary>
    [Id(5)] public string? RunId { get; init; }
}

/// <summary>The planner: known cells, cells waiting, the served model and the last rounds.</summary>
[GenerateSerializer, Immutable, Alias("tandem.forecast-planner-view")]
public sealed record ForecastPlannerView
{
    [Id(0)] public int KnownCells { get; init; }

    [Id(1)] public int Waiting { get; init; }

    [Id(2)] public string? ModelVersion { get; init; }

    [Id(3)] public IReadOnlyList<ForecastRound> Rounds { get; init; } = [];

    /// <summary>The forecast cells most likely to run out before a delivery could arrive, riskiest first.</summary>
    [Id(4)] public IReadOnlyList<CellRisk> AtRisk { get; init; } = [];
}

/// <summary>A forecast cell's stock against its reorder point, for the control room's list of cells at risk.</summary>
[GenerateSerializer, Immutable, Alias("tandem.cell-risk")]
public sealed record CellRisk
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required string LocationId { get; init; }

    [Id(2)] public required string Stage { get; init; }

    [Id(3)] public int Available { get; init; }

    [Id(4)] public double ReorderPoint { get; init; }

    /// <summary>The chance that demand over the lead time exceeds what is available.</summary>
    [Id(5)] public double StockOutRisk { get; init; }

    /// <summary>Expected sales of the next seven days.</summary>
    [Id(6)] public double NextWeek { get; init; }

    [Id(7)] public required DateTimeOffset MadeAt { get; init; }

    /// <summary>Expected sales of the next 28 days.</summary>
    [Id(8)] public double NextFourWeeks { get; init; }
}
