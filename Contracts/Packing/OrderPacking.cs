namespace Tandem.Contracts.Packing;

/// <summary>
/// The boxes chosen for an order and why: the parcels with every unit's place, what ships unboxed, the volume of the
/// boxes against the items' and against the boxes first fit decreasing would have chosen for the same items, and the
/// algorithm and rules that decided (the block packer's plan, or first fit's where that takes less box volume).
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.order-packing")]
public sealed record OrderPacking
{
    [Id(0)] public required IReadOnlyList<Parcel> Parcels { get; init; }

    [Id(1)] public IReadOnlyList<UnboxedLine> Unboxed { get; init; } = [];

    /// <summary>Volume of the chosen boxes in litres.</summary>
    [Id(2)] public required double BoxLitres { get; init; }

    /// <summary>Volume of the boxed items in litres.</summary>
    [Id(3)] public required double ItemLitres { get; init; }

    /// <summary>The baseline's boxes for the same items (first fit decreasing, the same rules and catalogue).</summary>
    [Id(4)] public required IReadOnlyList<string> BaselineBoxes { get; init; }

    [Id(5)] public required double BaselineLitres { get; init; }

    /// <summary>The packer and its version.</summary>
    [Id(6)] public required string Algorithm { get; init; }

    /// <summary>Share of each unit's base that rests on the floor or on units below it.</summary>
    [Id(7)] public required double MinSupport { get; init; }

    /// <summary>How long both packers took (0 when the plan came from the cache of item sets).</summary>
    [Id(8)] public required double Milliseconds { get; init; }

    [Id(9)] public required DateTimeOffset DecidedAt { get; init; }

    /// <summary>The boxed items' volume over the boxes' (0–1).</summary>
    public double Fill => BoxLitres == 0 ? 0 : ItemLitres / BoxLitres;
}
