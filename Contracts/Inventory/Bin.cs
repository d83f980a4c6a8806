namespace Tandem.Contracts.Inventory;

/// <summary>Where in a building a SKU sits.</summary>
[GenerateSerializer, Immutable, Alias("tandem.bin")]
public sealed record Bin
{
    [Id(0)] public required string Aisle { get; init; }

    [Id(1)] public required string Shelf { get; init; }

    public override string ToString() => $"aisle {Aisle} shelf {Shelf}";
}
