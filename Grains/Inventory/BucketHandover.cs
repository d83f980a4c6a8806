namespace Tandem.Grains.Inventory;

/// <summary>Everything a bucket hands back to its cell when a rush ends; kept by the bucket so it can be asked again.</summary>
[GenerateSerializer, Immutable, Alias("tandem.bucket-handover")]
public sealed record BucketHandover
{
    /// <summary>The split this bucket served.</summary>
    [Id(0)] public required int Split { get; init; }

    /// <summary>Every unit the bucket had on hand, free and held; included in <see cref="ToCell"/>.</summary>
    [Id(1)] public required int OnHand { get; init; }

    /// <summary>Units shipped through its holds and not restocked: the cell restocks them from now on.</summary>
    [Id(2)] public required int Committed { get; init; }

    [Id(3)] public required IReadOnlyDictionary<string, Reservation> Live { get; init; }

    /// <summary>Ended holds, so the cell answers repeated commands for them as the bucket would have.</summary>
    [Id(4)] public required IReadOnlyDictionary<string, ClosedReservation> Closed { get; init; }

    /// <summary>Units the bucket has given back in all, these included.</summary>
    [Id(5)] public required long ToCell { get; init; }

    /// <summary>The bucket's version when it handed over: the cell's version grows by it, so totals' versions never go back.</summary>
    [Id(6)] public required long Version { get; init; }
}
