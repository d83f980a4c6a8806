namespace Tandem.Contracts.Catalog;

/// <summary>Outer size of a packed product in centimetres.</summary>
[GenerateSerializer, Immutable, Alias("tandem.dimensions")]
public sealed record Dimensions
{
    [Id(0)] public required double LengthCm { get; init; }

    [Id(1)] public required double WidthCm { get; init; }

    [Id(2)] public required double HeightCm { get; init; }
}
