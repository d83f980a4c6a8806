using System.Text.Json;

using Npgsql;

using NpgsqlTypes;

using Tandem.Contracts.Forecasts;
using Tandem.Contracts.Json;
using Tandem.Grains.Demand;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Hosting.Facts;

/// <summary>Demand days and forecasts in the cluster's PostgreSQL tables (<c>tandem_demand_day</c>, <c>tandem_forecast</c>), per service.</summary>
public sealed class PostgresDemandFacts(NpgsqlDataSource database, string serviceId) : IDemandFacts
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public async Task SaveDaysAsync(CellKey cell, IReadOnlyList<DemandDay> days, CancellationToken cancellationToken)
    {
        if (days.Count == 0)
        {
            return;
        }

        await using var command = database.CreateCommand("""
            INSERT INTO tandem_demand_day (service_id, sku, location_id, day, units, returned, revenue)
            SELECT $1, $2, $3, d.day, d.units, d.returned, d.revenue
            FROM unnest($4::date[], $5::integer[], $6::integer[], $7::numeric[]) AS d(day, units, returned, revenue)
            ON CONFLICT (service_id, sku, location_id, day)
            DO UPDATE SET units = excluded.units, returned = excluded.returned, revenue = excluded.revenue, updated_at = now()
            """);
        command.Parameters.Add(new() { Value = serviceId });
        command.Parameters.Add(new() { Value = cell.Sku });
        command.Parameters.Add(new() { Value = cell.LocationId });
        command.Parameters.Add(new() { Value = days.Select(d => d.Day).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = days.Select(d => d.Units).ToArray() });
        command.Parameters.Add(new() { Value = days.Select(d => d.Returned).ToArray() });
        command.Parameters.Add(new() { Value = days.Select(d => d.Revenue).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SaveForecastAsync(CellForecast forecast, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO tandem_forecast (service_id, sku, location_id, made_at, origin, stage, model_version, model_weight, days, signals, stock)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (service_id, sku, location_id, made_at) DO NOTHING
            """);
        command.Parameters.Add(new() { Value = serviceId });
        command.Parameters.Add(new() { Value = forecast.Sku });
        command.Parameters.Add(new() { Value = forecast.LocationId });
        command.Parameters.Add(new() { Value = forecast.MadeAt.ToUniversalTime() });
        command.Parameters.Add(new() { Value = forecast.Origin });
        command.Parameters.Add(new() { Value = forecast.Stage });
        command.Parameters.Add(new() { Value = forecast.ModelVersion });
        command.Parameters.Add(new() { Value = forecast.ModelWeight });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(forecast.Days, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(forecast.Signals, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = forecast.Stock is null ? DBNull.Value : JsonSerializer.Serialize(forecast.Stock, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        TandemJson.Configure(options);
        return options;
    }
}
