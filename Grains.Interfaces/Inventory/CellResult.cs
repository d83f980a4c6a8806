using Tandem.Contracts.Inventory;

namespace Tandem.Grains.Interfaces.Inventory;

/// <summary>The outcome of a cell command and the cell as it stands afterwards.</summary>
[GenerateSerializer, Immutable, Alias("tandem.cell-result")]
public sealed record CellResult
{
    [Id(0)] public required CellOutcome Outcome { get; init; }

    [Id(1)] public required CellSnapshot Cell { get; init; }

    [Id(2)] public string? Detail { get; init; }

    /// <summary>Set only by a bucket of a split cell, for the cell it answers; never reaches a caller of the cell.</summary>
    [Id(3)] public BucketTally? Bucket { get; init; }

    public bool Succeeded => Outcome is CellOutcome.Applied or CellOutcome.Replayed;
}
