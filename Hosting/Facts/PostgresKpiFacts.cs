using Npgsql;

using Tandem.Contracts.Kpis;
using Tandem.Grains.Kpis;

namespace Tandem.Hosting.Facts;

/// <summary>The KPI grains' minutes in the cluster's PostgreSQL table <c>tandem_kpi_minute</c>, per service.</summary>
public sealed class PostgresKpiFacts(NpgsqlDataSource database, string serviceId) : IKpiFacts
{
    public async Task SaveMinutesAsync(string region, IReadOnlyList<KpiMinuteRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = database.CreateCommand("""
            INSERT INTO tandem_kpi_minute (service_id, region, minute, measure, count, total)
            SELECT $1, $2, r.minute, r.measure, r.count, r.total
            FROM unnest($3::timestamptz[], $4::text[], $5::bigint[], $6::double precision[]) AS r(minute, measure, count, total)
            ON CONFLICT (service_id, region, minute, measure)
            DO UPDATE SET count = excluded.count, total = excluded.total, updated_at = now()
            """);
        command.Parameters.Add(new() { Value = serviceId });
        command.Parameters.Add(new() { Value = region });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Minute.ToUniversalTime()).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Measure.Name()).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Count).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Sum).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
