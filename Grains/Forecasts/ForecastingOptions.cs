namespace Tandem.Grains.Forecasts;

/// <summary>How demand is re-forecast; bound from <c>Tandem:Forecasts</c>.</summary>
public sealed class ForecastingOptions
{
    /// <summary>How often the planner re-forecasts the cells whose inputs changed (a reminder: at least a minute).</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How old the served global model may grow before a round trains it again.</summary>
    public TimeSpan RetrainEvery { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Days of history (from the first sale of any cell) the global model needs; below, the stages' fallbacks serve alone.</summary>
    public int ModelDays { get; set; } = 84;

    /// <summary>Cells with demand the global model needs; below, the stages' fallbacks serve alone.</summary>
    public int ModelCells { get; set; } = 30;

    /// <summary>Weekly origins the global model learns from at each training (fewer: faster training, less to learn from).</summary>
    public int TrainingWeeks { get; set; } = 8;

    /// <summary>The cycle service level the reorder points aim at.</summary>
    public double ServiceLevel { get; set; } = 0.95;

    /// <summary>Monte-Carlo paths per cell.</summary>
    public int Paths { get; set; } = 10_000;

    /// <summary>The supplier's lead times in days, until enough transfers were received to use theirs (<see cref="ObservedLeadTimesFrom"/>).</summary>
    public List<int> LeadTimes { get; set; } = [2, 3, 3, 4, 4, 5, 7];

    /// <summary>Once this many accepted transfers were received, the lead times simulated are theirs (the last 100), not <see cref="LeadTimes"/>.</summary>
    public int ObservedLeadTimesFrom { get; set; } = 10;

    /// <summary>Outside signals: <c>simulated</c> (the demo's made-up ones), a file path or an http(s) address (<c>date,signal,value</c> CSV), or empty for none.</summary>
    public string Signals { get; set; } = "";

    /// <summary>The simulated signals' seed.</summary>
    public int SignalSeed { get; set; } = 20261201;
}
