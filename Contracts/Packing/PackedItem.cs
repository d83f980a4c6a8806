namespace Tandem.Contracts.Packing;

/// <summary>Where one unit goes in its box: the corner nearest the box's origin and its extents along the box's length, width and height (centimetres).</summary>
[GenerateSerializer, Immutable, Alias("tandem.packed-item")]
public sealed record PackedItem
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required double X { get; init; }

    [Id(2)] public required double Y { get; init; }

    /// <summary>Height above the box's floor.</summary>
    [Id(3)] public required double Z { get; init; }

    [Id(4)] public required double LengthCm { get; init; }

    [Id(5)] public required double WidthCm { get; init; }

    [Id(6)] public required double HeightCm { get; init; }

    /// <summary>Packing order: items are put in the box in rising step.</summary>
    [Id(7)] public required int Step { get; init; }
}
