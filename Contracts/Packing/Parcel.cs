namespace Tandem.Contracts.Packing;

/// <summary>One box of an order: which box from the catalogue, its inner size, how full and how heavy, and where each unit goes.</summary>
[GenerateSerializer, Immutable, Alias("tandem.parcel")]
public sealed record Parcel
{
    [Id(0)] public required string BoxId { get; init; }

    [Id(1)] public required double LengthCm { get; init; }

    [Id(2)] public required double WidthCm { get; init; }

    [Id(3)] public required double HeightCm { get; init; }

    /// <summary>The items' volume over the box's (0–1).</summary>
    [Id(4)] public required double Fill { get; init; }

    [Id(5)] public required double WeightKg { get; init; }

    [Id(6)] public required IReadOnlyList<PackedItem> Items { get; init; }
}
