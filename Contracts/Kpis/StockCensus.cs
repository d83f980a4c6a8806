namespace Tandem.Contracts.Kpis;

/// <summary>One count of every SKU-location cell the census knows: the city's totals and each region's.</summary>
[GenerateSerializer, Immutable, Alias("tandem.stock-census")]
public sealed record StockCensus
{
    [Id(0)] public required DateTimeOffset At { get; init; }

    [Id(1)] public required StockCount City { get; init; }

    /// <summary>The regions holding a counted cell, in the order of their id.</summary>
    [Id(2)] public required IReadOnlyList<StockCount> Regions { get; init; }
}

/// <summary>What a census counted in one region (or the city, <see cref="Region"/> <c>all</c>).</summary>
[GenerateSerializer, Immutable, Alias("tandem.stock-count")]
public sealed record StockCount
{
    [Id(0)] public required string Region { get; init; }

    [Id(1)] public required int Cells { get; init; }

    /// <summary>Cells with no unit available to sell (all on hand reserved, or none on hand).</summary>
    [Id(2)] public required int OutOfStock { get; init; }

    /// <summary>Units on hand, reserved ones included.</summary>
    [Id(3)] public required long Units { get; init; }
}
