using Tandem.Contracts.Forecasts;

namespace Tandem.Grains.Interfaces.Forecasts;

/// <summary>
/// Plans the re-forecasts (one, key <see cref="Key"/>): knows every SKU-location with demand, keeps those whose inputs
/// changed, and every <c>Tandem:Forecasts:Every</c> (15 minutes; a timer, kept by a reminder so it survives the silo) re-forecasts them
/// with the served global model, training it again when it is older than <c>Tandem:Forecasts:RetrainEvery</c>.
/// </summary>
public interface IForecastPlannerGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Marks a cell (<c>sku@location</c>) for the next round. Idempotent.</summary>
    Task ChangedAsync(string cell);

    /// <summary>Marks many cells at once (a seeder's or an import's); one write. Idempotent.</summary>
    Task ChangedManyAsync(IReadOnlyList<string> cells);

    /// <summary>
    /// Runs a round now (what the timer does): the cells forecast, or none when nothing changed. Rounds run one after
    /// another; marking cells never waits for one (an order's duty waits on the marking).
    /// </summary>
    [AlwaysInterleave]
    Task<ForecastRound> RunAsync();

    /// <summary>The served model and the last rounds.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<ForecastPlannerView> GetAsync();

    /// <summary>Every cell (<c>sku@location</c>) with demand, the cells whose sales and returns the supply chain counts.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<string>> GetCellsAsync();
}
