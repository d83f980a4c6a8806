using Tandem.Contracts.Kpis;

namespace Tandem.Grains.Interfaces.Kpis;

/// <summary>
/// The stock census (one grain, key <see cref="Key"/>): every minute or so it reads every SKU-location cell that holds stock
/// (listed by <see cref="IStockRangeGrain"/>; the cells own their numbers, the census keeps none of them) and hands each
/// region's KPI grain, and the city's, the units on hand, the cells and the cells with nothing to sell: what the stock-out
/// rate and the inventory turnover are read from.
/// </summary>
public interface IStockCensusGrain : IGrainWithStringKey
{
    public const string Key = "city";

    /// <summary>Keeps the census counting (a reminder wakes it after its silo is lost). Idempotent.</summary>
    Task StartAsync();

    /// <summary>
    /// Counts every cell now and hands the counts to the KPI grains (a region counts one census a minute; a second in the
    /// same minute changes nothing). A census asked for while one runs starts after it.
    /// </summary>
    Task<StockCensus> TakeAsync();

    /// <summary>The last census counted since the grain woke (null before its first).</summary>
    [ReadOnly]
    Task<StockCensus?> GetLastAsync();
}
