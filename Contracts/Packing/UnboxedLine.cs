namespace Tandem.Contracts.Packing;

/// <summary>Units that go in no box (larger or heavier than every box, or not in the catalogue): they ship in their own packaging.</summary>
[GenerateSerializer, Immutable, Alias("tandem.unboxed-line")]
public sealed record UnboxedLine
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required int Quantity { get; init; }

    [Id(2)] public required string Reason { get; init; }
}
