namespace Tandem.Brains.Forecasting;

/// <summary>Where an item is in its life at one location, from its own sales; the stage picks the forecast's fallback and weights.</summary>
public enum LifecycleStage
{
    /// <summary>Fewer than <see cref="Lifecycle.NewOpenDays"/> trading days since its first sale: leans on its family's prior.</summary>
    New,

    /// <summary>Sells on most trading days: the global model.</summary>
    Mature,

    /// <summary>Sells on fewer than three trading days in four (mean interval above 1.32): TSB.</summary>
    Intermittent,

    /// <summary>Its last 30 trading days sold under 40 % of the rate of the 90 before: exponential smoothing.</summary>
    Declining,
}
