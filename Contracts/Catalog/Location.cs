namespace Tandem.Contracts.Catalog;

/// <summary>A warehouse or store stock can be held at.</summary>
[GenerateSerializer, Immutable, Alias("tandem.location")]
public sealed record Location
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public required LocationKind Kind { get; init; }

    [Id(3)] public required GeoPoint Position { get; init; }

    [Id(4)] public required string Address { get; init; }
}
