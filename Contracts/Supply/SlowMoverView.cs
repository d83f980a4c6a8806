namespace Tandem.Contracts.Supply;

/// <summary>
/// A slow-moving SKU the supply chain promotes: why it was flagged (weeks of cover, four-week sell-through, stock), the
/// promotion it started, and its effect: daily sales in the four weeks before the flag against daily sales since.
/// </summary>
[GenerateSerializer, Immutable, Alias("tandem.slow-mover")]
public sealed record SlowMoverView
{
    [Id(0)] public required string Sku { get; init; }

    [Id(1)] public required DateTimeOffset FlaggedAt { get; init; }

    [Id(2)] public double CoverWeeks { get; init; }

    [Id(3)] public double SellThrough { get; init; }

    [Id(4)] public int Available { get; init; }

    /// <summary>Units a day over the four weeks before the flag.</summary>
    [Id(5)] public double SoldPerDayBefore { get; init; }

    /// <summary>Units a day since the flag (whole days), null until a day has passed.</summary>
    [Id(6)] public double? SoldPerDaySince { get; init; }

    [Id(7)] public required string Reason { get; init; }

    /// <summary>When the promotion it started ends.</summary>
    [Id(8)] public DateTimeOffset PromotedUntil { get; init; }
}
