namespace Tandem.Contracts.Forecasts;

/// <summary>
/// One SKU-location's demand forecast as made: each day's expected sales and quantiles, the stage and blend that made
/// it, the model version and inputs, which outside signals moved it, and the stock it calls for.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.cell-forecast")]
public sealed record CellForecast
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required string LocationId { get; init; }

    /// <summary>When it was made.</summary>
    [Id(2)] public required DateTimeOffset MadeAt { get; init; }

    /// <summary>The last whole day of sales it knew (the forecast starts the day after).</summary>
    [Id(3)] public required DateOnly Origin { get; init; }

    /// <summary>new, mature, intermittent or declining.</summary>
    [Id(4)] public required string Stage { get; init; }

    /// <summary>The served model's version (when it was trained, and on how many rows), or the fallback alone.</summary>
    [Id(5)] public required string ModelVersion { get; init; }

    /// <summary>The model's weight in the blend; the stage's fallback has the rest.</summary>
    [Id(6)] public double ModelWeight { get; init; }

    /// <summary>The stage's fallback: family prior, TSB or exponential smoothing.</summary>
    [Id(7)] public required string Fallback { get; init; }

    [Id(8)] public IReadOnlyList<ForecastDay> Days { get; init; } = [];

    /// <summary>How much each outside signal moved the horizon's total (units), with its reading.</summary>
    [Id(9)] public IReadOnlyList<SignalEffect> Signals { get; init; } = [];

    [Id(10)] public StockAdvice? Stock { get; init; }

    /// <summary>Trading days of history since the first sale, and the last day with a sale.</summary>
    [Id(11)] public int HistoryDays { get; init; }

    [Id(12)] public DateOnly? LastSale { get; init; }

    /// <summary>The planner round that made it (<see cref="ForecastRound.RunId"/>).</summary>
    [Id(13)] public string? RunId { get; init; }
}

/// <summary>One day ahead: expected sales and the quantiles.</summary>
[GenerateSerializer, Immutable, Alias("tandem.forecast-day")]
public sealed record ForecastDay
{
    [Id(0)] public required DateOnly Day { get; init; }

    [Id(1)] public double Mean { get; init; }

    [Id(2)] public double P10 { get; init; }

    [Id(3)] public double P50 { get; init; }

    [Id(4)] public double P90 { get; init; }
}

/// <summary>An outside signal's reading (the week before the origin) and how much it moved the forecast.</summary>
[GenerateSerializer, Immutable, Alias("tandem.signal-effect")]
public sealed record SignalEffect
{
    [Id(0)] public required string Signal { get; init; }

    [Id(1)] public double Reading { get; init; }

    [Id(2)] public double Units { get; init; }
}

/// <summary>The stock the forecast calls for: Monte-Carlo lead-time demand against what the cell holds.</summary>
[GenerateSerializer, Immutable, Alias("tandem.stock-advice")]
public sealed record StockAdvice
{
    [Id(0)] public double ServiceLevel { get; init; }

    [Id(1)] public IReadOnlyList<int> LeadTimes { get; init; } = [];

    [Id(2)] public double ExpectedLeadTimeDemand { get; init; }

    [Id(3)] public double ReorderPoint { get; init; }

    [Id(4)] public double SafetyStock { get; init; }

    /// <summary>Units the cell could sell when the forecast was made.</summary>
    [Id(5)] public int Available { get; init; }

    /// <summary>The chance that the lead time's demand exceeds what is available.</summary>
    [Id(6)] public double StockOutRisk { get; init; }

    [Id(7)] public int Paths { get; init; }

    /// <summary>Where <see cref="LeadTimes"/> come from: <c>configured</c>, or <c>{n} received transfers</c>.</summary>
    [Id(8)] public string LeadTimesFrom { get; init; } = "";

    /// <summary>The experiment variant whose service level was used (<c>experiment:variant</c>), if any.</summary>
    [Id(9)] public string? Experiment { get; init; }
}
