namespace Tandem.Brains.Supply;

/// <summary>
/// Slow movers: a SKU is flagged when it has sold for at least <see cref="MinimumAgeDays"/> days (a new item is not slow,
/// only young), has stock to clear (at least <see cref="MinimumUnits"/> units across its locations), its stock would last
/// at least <see cref="CoverWeeks"/> weeks at the forecast rate, and its last four weeks sold at most
/// <see cref="SellThrough"/> of what it had (sold ÷ (sold + still available)).
/// </summary>
public static class SlowMovers
{
    public const int MinimumUnits = 10;
    public const int MinimumAgeDays = 28;
    public const double CoverWeeks = 8;
    public const double SellThrough = 0.2;

    /// <summary>The weeks of cover shown when nothing is forecast to sell (never-ending).</summary>
    public const double NoEnd = 99;

    public static SlowMover? Judge(SkuStock stock)
    {
        var weekly = stock.ForecastNext28 / 4;
        var cover = weekly > 0 ? Math.Min(NoEnd, stock.Available / weekly) : NoEnd;
        var sellThrough = stock.SoldLast28 + stock.Available > 0 ? stock.SoldLast28 / (stock.SoldLast28 + stock.Available) : 1;
        return stock.AgeDays >= MinimumAgeDays && stock.Available >= MinimumUnits && cover >= CoverWeeks && sellThrough <= SellThrough
            ? new SlowMover(stock.Sku, cover, sellThrough, stock.Available, stock.SoldLast28 / 28)
            : null;
    }
}

/// <summary>A SKU's stock across its locations, what it sold in the last four weeks and what it is forecast to sell in the next, and the days since its first sale.</summary>
public sealed record SkuStock(string Sku, int Available, double SoldLast28, double ForecastNext28, int AgeDays);

/// <summary>A flagged SKU: its weeks of cover, four-week sell-through, stock, and daily sales before anything was done.</summary>
public sealed record SlowMover(string Sku, double CoverWeeks, double SellThrough, int Available, double SoldPerDay);
