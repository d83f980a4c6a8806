namespace Tandem.Contracts.Kpis;

/// <summary>One indicator over a window: its value, the previous window's, and its trend within the window.</summary>
[GenerateSerializer, Immutable, Alias("tandem.kpi-indicator")]
public sealed record KpiIndicator
{
    /// <summary>
    /// <c>nps</c>, <c>returnRate</c>, <c>onTime</c>, <c>conversion</c>, <c>averageOrderValue</c>, <c>recommendationCtr</c>,
    /// <c>packingFill</c>, <c>packingSaving</c>, <c>deliveryMinutes</c> (ratios), <c>orders</c> (a count).
    /// </summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Numerator over denominator (times 100 for NPS), or the numerator of a count; null when a ratio's denominator is 0.</summary>
    [Id(1)] public double? Value { get; init; }

    /// <summary>The same over the window before (for the trend arrow); null when nothing was counted then.</summary>
    [Id(2)] public double? Previous { get; init; }

    [Id(3)] public required double Numerator { get; init; }

    [Id(4)] public required double Denominator { get; init; }

    /// <summary>The value over each equal slice of the window, oldest first (null where nothing was counted).</summary>
    [Id(5)] public required IReadOnlyList<double?> Series { get; init; }
}

/// <summary>A region's (or the city's) indicators and counts over one window ending at <see cref="At"/>.</summary>
[GenerateSerializer, Immutable, Alias("tandem.kpi-report")]
public sealed record KpiReport
{
    /// <summary><c>all</c> for the whole city, else a dispatch zone (<c>r{row}c{col}</c>).</summary>
    [Id(0)] public required string Region { get; init; }

    [Id(1)] public required string Window { get; init; }

    [Id(2)] public required DateTimeOffset At { get; init; }

    [Id(3)] public required IReadOnlyList<KpiIndicator> Indicators { get; init; }

    /// <summary>Per measure counted in the window (<c>order</c>, <c>delivery</c>, <c>visit</c> …), how many facts.</summary>
    [Id(4)] public required IReadOnlyDictionary<string, long> Counts { get; init; }
}

/// <summary>A region of the city for KPIs: a dispatch zone and the locations in it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.kpi-region")]
public sealed record KpiRegion
{
    [Id(0)] public required string Id { get; init; }

    /// <summary>The names of the stores and warehouses in the region.</summary>
    [Id(1)] public required IReadOnlyList<string> Locations { get; init; }

    [Id(2)] public required KpiReport Report { get; init; }

    /// <summary>Couriers on shift (not offline) whose last known position is in the region.</summary>
    [Id(3)] public int ActiveCouriers { get; init; }
}

/// <summary>The control room's KPI board: the city and each region over one window (<c>GET /api/kpis</c>).</summary>
[GenerateSerializer, Immutable, Alias("tandem.kpi-board")]
public sealed record KpiBoard
{
    [Id(0)] public required KpiReport Overall { get; init; }

    [Id(1)] public required IReadOnlyList<KpiRegion> Regions { get; init; }

    /// <summary>The stock census's last count (null until it has counted): the cells out of stock now.</summary>
    [Id(2)] public StockCensus? Census { get; init; }

    /// <summary>Couriers on shift (not offline) as the courier boards last saw them, the city over.</summary>
    [Id(3)] public int ActiveCouriers { get; init; }
}
