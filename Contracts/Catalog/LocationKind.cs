namespace Tandem.Contracts.Catalog;

[GenerateSerializer, Alias("tandem.location-kind")]
public enum LocationKind
{
    Warehouse = 0,
    Store = 1,
}
