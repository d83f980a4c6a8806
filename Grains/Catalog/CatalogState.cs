using Tandem.Contracts.Catalog;

namespace Tandem.Grains.Catalog;

[GenerateSerializer, Alias("tandem.catalog-state")]
public sealed class CatalogState
{
    public const int CurrentSchema = 1;

    [Id(0)] public int Schema { get; set; } = CurrentSchema;

    [Id(1)] public Dictionary<string, Product> Products { get; set; } = [];

    [Id(2)] public Dictionary<string, Location> Locations { get; set; } = [];

    /// <summary>Moves with every change of a product or location; caches of catalog facts compare it.</summary>
    [Id(3)] public long Version { get; set; }
}
