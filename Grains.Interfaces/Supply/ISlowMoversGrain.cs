using Tandem.Contracts.Supply;

namespace Tandem.Grains.Interfaces.Supply;

/// <summary>
/// The slow movers (one, key <see cref="Key"/>): each SKU the forecast planner flags is promoted once (source
/// <see cref="Source"/>, for <see cref="PromotionDays"/> days: the recommendations' "promoted" arm offers it) and kept with
/// its effect on sales.
/// </summary>
public interface ISlowMoversGrain : IGrainWithStringKey
{
    public const string Key = "all";
    public const string Source = "supply";
    public const int PromotionDays = 14;

    /// <summary>How many flagged SKUs are kept (the oldest go first).</summary>
    public const int Kept = 200;

    /// <summary>
    /// Takes the planner's judgement: a SKU flagged for the first time (or again after its promotion ended) is promoted and
    /// recorded; each recorded SKU's daily sales since its flag are updated from <paramref name="soldPerDaySince"/> (whole
    /// days after the flag's day). Idempotent.
    /// </summary>
    Task ReviewAsync(IReadOnlyList<SlowMoverView> flagged, IReadOnlyDictionary<string, double> soldPerDaySince);

    /// <summary>The flagged SKUs, newest first.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<SlowMoverView>> GetAsync();
}
