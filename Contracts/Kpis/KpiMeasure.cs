using System.Text.Json;

namespace Tandem.Contracts.Kpis;

public static class KpiMeasures
{
    /// <summary>The measure as the API and the history table name it (<c>orderUnits</c>, <c>packedGoods</c> …).</summary>
    public static string Name(this KpiMeasure measure) => JsonNamingPolicy.CamelCase.ConvertName(measure.ToString());
}

/// <summary>What a KPI fact counts. Every fact adds one to its measure's count and its value to the measure's sum.</summary>
[GenerateSerializer, Alias("tandem.kpi-measure")]
public enum KpiMeasure
{
    /// <summary>A shopper session began (its first behaviour). Value 1.</summary>
    Visit = 0,

    /// <summary>A session placed its first order. Value 1.</summary>
    Conversion = 1,

    /// <summary>A recommended product shown to a shopper was settled: clicked, or its window passed. Value 1.</summary>
    Impression = 2,

    /// <summary>A shown recommendation was clicked. Value 1.</summary>
    Click = 3,

    /// <summary>An order was placed. Value: its revenue (lines less coupon).</summary>
    Order = 4,

    /// <summary>An order was placed: its units. Value: the units.</summary>
    OrderUnits = 5,

    /// <summary>A delivery order reached its shopper. Value 1 when within the promise of its placing, else 0.</summary>
    Delivery = 6,

    /// <summary>An order reached its shopper: delivered, or collected in store. Value 1.</summary>
    Fulfilled = 7,

    /// <summary>A return was requested for an order. Value 1.</summary>
    Return = 8,

    /// <summary>An order was packed: the goods' volume. Value: litres.</summary>
    PackedGoods = 9,

    /// <summary>An order was packed: its boxes' volume. Value: litres.</summary>
    PackedBoxes = 10,

    /// <summary>A shopper answered the post-delivery survey. Value: +1 promoter (9–10), 0 passive (7–8), −1 detractor (0–6).</summary>
    Survey = 11,

    /// <summary>A delivery order reached its shopper. Value: minutes from placing to the door.</summary>
    DeliveryMinutes = 12,

    /// <summary>An order was packed: the volume first fit decreasing would have boxed it in (the packing baseline). Value: litres.</summary>
    PackedBaseline = 13,

    /// <summary>The stock census counted the region's inventory (one sample a minute at most). Value: units on hand.</summary>
    StockLevel = 14,

    /// <summary>The stock census counted the region's inventory. Value: the SKU-location cells it holds.</summary>
    StockCells = 15,

    /// <summary>The stock census counted the region's inventory. Value: the cells with no unit available to sell.</summary>
    StockOut = 16,

    /// <summary>A line of a placed order held its units in its cell (one fact per line). Value: the units.</summary>
    Reservation = 17,
}
