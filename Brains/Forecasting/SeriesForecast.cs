namespace Tandem.Brains.Forecasting;

/// <summary>
/// One series' forecast from one origin: the expected sales of each day ahead (the stage's blend of the global model and
/// its fallback), each day's quantiles, and what went into it, so the forecast can say why.
/// </summary>
public sealed record SeriesForecast
{
    public required string Key { get; init; }

    public required int Origin { get; init; }

    public required LifecycleStage Stage { get; init; }

    /// <summary>Expected sales of days origin + 1 … origin + horizon (zero on closed days).</summary>
    public required double[] Mean { get; init; }

    /// <summary>The global model's part, before blending.</summary>
    public required double[] Model { get; init; }

    /// <summary>The stage's fallback per day (zero on closed days).</summary>
    public required double[] Fallback { get; init; }

    /// <summary>The model's weight in the blend (the fallback has the rest), chosen per stage on a held-out month.</summary>
    public required double ModelWeight { get; init; }

    /// <summary>Each quantile level with its value for every day ahead.</summary>
    public required IReadOnlyDictionary<double, double[]> Quantiles { get; init; }

    /// <summary>How past forecasts of similar series missed, for simulating demand over a lead time; null: too few were held out, sales are taken as Poisson.</summary>
    public required ResidualPool? Residuals { get; init; }

    /// <summary>How much the horizon's total would change without each signal (units; empty when not asked for).</summary>
    public IReadOnlyDictionary<DemandSignal, double> SignalEffects { get; init; } = new Dictionary<DemandSignal, double>();

    /// <summary>The expected total of the first <paramref name="days"/> days.</summary>
    public double Total(int days) => Mean.Take(days).Sum();
}
