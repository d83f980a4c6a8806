using Tandem.Contracts.Inventory;

namespace Tandem.Grains.Interfaces.Inventory;

/// <summary>
/// One bucket of a split cell as it answered: its own numbers and the two running totals of units it has been sent by
/// its cell and has sent back. The cell adds the units on their way (sent but not yet counted by the other side) to
/// the buckets' own numbers, so its totals count every unit exactly once, whenever each bucket was read.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.bucket-tally")]
public sealed record BucketTally
{
    [Id(0)] public required int Index { get; init; }

    /// <summary>The bucket's own numbers; its version only grows.</summary>
    [Id(1)] public required CellSnapshot Cell { get; init; }

    /// <summary>Units this bucket has been given by its cell, ever.</summary>
    [Id(2)] public required long FromCell { get; init; }

    /// <summary>Units this bucket has given back to its cell, ever.</summary>
    [Id(3)] public required long ToCell { get; init; }

    /// <summary>The bucket has handed everything back: the cell answers for its holds now.</summary>
    [Id(4)] public required bool Retired { get; init; }
}
