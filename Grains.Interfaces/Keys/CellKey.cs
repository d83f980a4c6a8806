namespace Tandem.Grains.Interfaces.Keys;

/// <summary>Key of an inventory cell: one SKU at one location, formatted <c>sku@location</c>.</summary>
public readonly record struct CellKey
{
    public CellKey(string sku, string locationId)
    {
        Sku = Identifier.Require(sku, "sku");
        LocationId = Identifier.Require(locationId, "location");
    }

    public string Sku { get; }

    public string LocationId { get; }

    /// <summary>Parses <c>sku@location</c>; throws <see cref="FormatException"/> otherwise.</summary>
    public static CellKey Parse(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@'))
        {
            throw new FormatException($"'{value}' is not a cell key (sku@location).");
        }

        return new CellKey(value[..at], value[(at + 1)..]);
    }

    public override string ToString() => $"{Sku}@{LocationId}";
}
