namespace Tandem.Grains.Kpis;

/// <summary>A shard of the cells the stock census counts (<c>sku@location</c>); their numbers stay with the cells.</summary>
[GenerateSerializer, Alias("tandem.stock-range-state")]
public sealed class StockRangeState
{
    [Id(0)] public HashSet<string> Cells { get; set; } = new(StringComparer.Ordinal);
}
