using Tandem.Contracts.Recommendations;

namespace Tandem.Grains.Recommendations;

[GenerateSerializer, Alias("tandem.promotions-state")]
public sealed class PromotionsState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int Schema { get; set; } = CurrentSchema;

    /// <summary>Sku to its promotion.</summary>
    [Id(1)] public Dictionary<string, Promotion> Items { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public long Version { get; set; }
}
