namespace Tandem.Grains.Kpis;

/// <summary>The cells the stock census counts (<c>sku@location</c>); their numbers stay with the cells.</summary>
[GenerateSerializer, Alias("tandem.stock-census-state")]
public sealed class StockCensusState
{
    [Id(0)] public HashSet<string> Cells { get; set; } = new(StringComparer.Ordinal);
}
