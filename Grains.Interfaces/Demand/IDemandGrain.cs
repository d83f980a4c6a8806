namespace Tandem.Grains.Interfaces.Demand;

/// <summary>
/// One SKU-location's demand (key <c>sku@location</c>, as its inventory cell): committed sales and returns in 15-minute
/// buckets for the last two days, rolled up to days for the last <see cref="KeptDays"/>. Fed by the orders' outboxes, so
/// a sale is counted once however often it is told; tells the forecast planner what changed.
/// </summary>
public interface IDemandGrain : IGrainWithStringKey
{
    public const int KeptDays = 400;

    /// <summary>Counts a sale or return once (by its id; telling it again changes nothing) and marks the cell for re-forecast.</summary>
    Task RecordAsync(DemandEntry entry);

    /// <summary>Puts past days in place when the cell has none yet (demo and imported history); idempotent.</summary>
    Task SeedAsync(IReadOnlyList<DemandDay> days);

    /// <summary>The kept days and today's buckets.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<DemandHistory> GetAsync();

    /// <summary>Units sold and returned on the days from <paramref name="from"/> (UTC) on.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<DemandTotals> GetTotalsAsync(DateOnly from);

    /// <summary>What the last two weeks' sales and returns came from: the entries' ids (<c>order:{id}:line:{n}</c> …), newest first, at most <paramref name="max"/>.</summary>
    [ReadOnly, AlwaysInterleave]
    Task<DemandSources> GetSourcesAsync(int max);
}

/// <summary>The newest entries counted (ids, newest first) and how many the cell remembers in all.</summary>
[GenerateSerializer, Immutable, Alias("tandem.demand-sources")]
public sealed record DemandSources(
    [property: Id(0)] IReadOnlyList<string> Ids,
    [property: Id(1)] int Remembered);

/// <summary>Units sold and returned over some days.</summary>
[GenerateSerializer, Immutable, Alias("tandem.demand-totals")]
public sealed record DemandTotals(
    [property: Id(0)] long Units,
    [property: Id(1)] long Returned);

/// <summary>One committed sale (or return) of a SKU at a location.</summary>
[GenerateSerializer, Immutable, Alias("tandem.demand-entry")]
public sealed record DemandEntry
{
    /// <summary>What it is, unique per cell (e.g. <c>order:{id}:line:{n}</c>): the idempotency key.</summary>
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required DateTimeOffset At { get; init; }

    [Id(2)] public int Units { get; init; }

    [Id(3)] public int Returned { get; init; }

    [Id(4)] public decimal Revenue { get; init; }
}

/// <summary>A day's (UTC) totals.</summary>
[GenerateSerializer, Immutable, Alias("tandem.demand-day")]
public sealed record DemandDay
{
    [Id(0)] public required DateOnly Day { get; init; }

    [Id(1)] public int Units { get; init; }

    [Id(2)] public int Returned { get; init; }

    [Id(3)] public decimal Revenue { get; init; }
}

/// <summary>A 15-minute bucket's totals.</summary>
[GenerateSerializer, Immutable, Alias("tandem.demand-quarter")]
public sealed record DemandQuarter
{
    [Id(0)] public required DateTimeOffset Start { get; init; }

    [Id(1)] public int Units { get; init; }

    [Id(2)] public int Returned { get; init; }

    [Id(3)] public decimal Revenue { get; init; }
}

/// <summary>A cell's demand: its days (oldest first, days without sales left out) and its recent 15-minute buckets.</summary>
[GenerateSerializer, Immutable, Alias("tandem.demand-history")]
public sealed record DemandHistory
{
    [Id(0)] public required string Cell { get; init; }

    [Id(1)] public IReadOnlyList<DemandDay> Days { get; init; } = [];

    [Id(2)] public IReadOnlyList<DemandQuarter> Quarters { get; init; } = [];

    /// <summary>Raised by every change.</summary>
    [Id(3)] public long Version { get; init; }
}
