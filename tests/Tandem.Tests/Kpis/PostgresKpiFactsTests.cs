using Tandem.Contracts.Kpis;
using Tandem.Hosting.Facts;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Kpis;

/// <summary>The KPI history table: a minute's totals are upserted (written again, they replace), per service, for SQL to read.</summary>
public sealed class PostgresKpiFactsTests
{
    [Fact]
    public async Task A_minute_written_again_replaces_its_totals_and_sql_reads_an_indicator_from_the_table()
    {
        await using var db = await Postgres.NewMigratedDatabaseAsync();
        await using var source = Npgsql.NpgsqlDataSource.Create(db.ConnectionString);
        var facts = new PostgresKpiFacts(source, "tandem-test");
        var other = new PostgresKpiFacts(source, "another-service");
        var minute = new DateTimeOffset(2026, 12, 2, 9, 15, 0, TimeSpan.Zero);
        var ct = TestContext.Current.CancellationToken;

        await facts.SaveMinutesAsync("r3c4", [new(minute, KpiMeasure.Delivery, 2, 1), new(minute.AddMinutes(1), KpiMeasure.Delivery, 1, 1)], ct);
        await facts.SaveMinutesAsync("r3c4", [new(minute, KpiMeasure.Delivery, 4, 3), new(minute, KpiMeasure.OrderUnits, 7, 7)], ct);
        await other.SaveMinutesAsync("r3c4", [new(minute, KpiMeasure.Delivery, 100, 0)], ct);
        await facts.SaveMinutesAsync("r3c4", [], ct);

        Assert.Equal("5/4/orderUnits", await Postgres.ScalarAsync<string>(db.ConnectionString,
            "SELECT sum(count) FILTER (WHERE measure = 'delivery') || '/' || sum(total) FILTER (WHERE measure = 'delivery') || '/' || max(measure) FILTER (WHERE measure <> 'delivery') "
            + "FROM tandem_kpi_minute WHERE service_id = 'tandem-test' AND region = 'r3c4'"));
        Assert.Equal(0.8, await Postgres.ScalarAsync<double>(db.ConnectionString, // on time over the quarter hour: 4 of 5
            "SELECT sum(total) / sum(count) FROM tandem_kpi_minute WHERE service_id = 'tandem-test' AND measure = 'delivery' AND minute >= '2026-12-02 09:15Z' AND minute < '2026-12-02 09:30Z'"));
    }
}
