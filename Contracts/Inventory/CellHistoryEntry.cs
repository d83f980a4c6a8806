namespace Tandem.Contracts.Inventory;

/// <summary>One entry of a cell's audit trail.</summary>
[GenerateSerializer, Immutable, Alias("tandem.cell-history-entry")]
public sealed record CellHistoryEntry
{
    [Id(0)] public required DateTimeOffset At { get; init; }

    /// <summary><c>receipt</c>, <c>adjustment</c> or <c>restock</c>.</summary>
    [Id(1)] public required string Kind { get; init; }

    /// <summary>The change in on hand.</summary>
    [Id(2)] public required int Delta { get; init; }

    [Id(3)] public required string Reference { get; init; }

    /// <summary>Who did it: <c>ops:ana</c>, <c>system</c>…</summary>
    [Id(4)] public required string Actor { get; init; }

    [Id(5)] public string? Reason { get; init; }
}
