namespace Tandem.Grains.Shoppers;

[GenerateSerializer, Alias("tandem.shopper-holds-state")]
public sealed class ShopperHoldsState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int Schema { get; set; } = CurrentSchema;

    /// <summary>Units held by each of the shopper's unpacked orders.</summary>
    [Id(1)] public Dictionary<string, int> Orders { get; set; } = [];

    /// <summary>The shopper's packed orders and when each was placed (the latest, within a few months).</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> Bought { get; set; } = [];
}
