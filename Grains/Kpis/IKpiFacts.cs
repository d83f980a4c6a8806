using Tandem.Contracts.Kpis;

namespace Tandem.Grains.Kpis;

/// <summary>One minute's count and sum of one measure in one region, as kept for analysis.</summary>
public sealed record KpiMinuteRow(DateTimeOffset Minute, KpiMeasure Measure, long Count, double Sum);

/// <summary>
/// Where KPI counts are kept as history (a port): a PostgreSQL table in a cluster, nowhere in the embedded default. The
/// write is idempotent: a minute's totals replace what was there.
/// </summary>
public interface IKpiFacts
{
    Task SaveMinutesAsync(string region, IReadOnlyList<KpiMinuteRow> rows, CancellationToken cancellationToken);
}
