using Microsoft.Extensions.Logging.Abstractions;

using Tandem.Hosting.Database;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Persistence;

/// <summary>Tandem applies its own schema (deploy/postgres/) to a real PostgreSQL.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task A_fresh_database_gets_every_migration_and_the_providers_queries()
    {
        await using var db = await Postgres.NewDatabaseAsync();

        var applied = await Migrator(db).MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Migration.Embedded().Select(m => m.Number), applied.Select(m => m.Number));
        Assert.Equal(19L, await Postgres.ScalarAsync<long>(db.ConnectionString, "SELECT count(*) FROM orleansquery"));
        Assert.Equal(applied.Count, (int)await Postgres.ScalarAsync<long>(db.ConnectionString, "SELECT count(*) FROM tandem_migrations"));
    }

    [Fact]
    public async Task An_up_to_date_database_is_left_alone()
    {
        await using var db = await Postgres.NewDatabaseAsync();
        await Migrator(db).MigrateAsync(TestContext.Current.CancellationToken);
        var firstAppliedAt = await Postgres.ScalarAsync<DateTime>(db.ConnectionString, "SELECT max(applied_at) FROM tandem_migrations");

        var again = await Migrator(db).MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(again);
        Assert.Equal(firstAppliedAt, await Postgres.ScalarAsync<DateTime>(db.ConnectionString, "SELECT max(applied_at) FROM tandem_migrations"));
    }

    [Fact]
    public async Task Silos_racing_at_first_start_apply_each_migration_once()
    {
        await using var db = await Postgres.NewDatabaseAsync();

        var racers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(
            () => Migrator(db).MigrateAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));

        var expected = Migration.Embedded().Select(m => m.Number).ToList();
        Assert.Equal(expected, racers.SelectMany(r => r).Select(m => m.Number).Order());
        Assert.Equal(expected.Count, (int)await Postgres.ScalarAsync<long>(db.ConnectionString, "SELECT count(*) FROM tandem_migrations"));
    }

    [Fact]
    public async Task A_migration_changed_after_it_was_applied_stops_the_start()
    {
        await using var db = await Postgres.NewDatabaseAsync();
        await Migrator(db).MigrateAsync(TestContext.Current.CancellationToken);
        await Postgres.ExecuteAsync(db.ConnectionString, "UPDATE tandem_migrations SET checksum = 'edited' WHERE number = 2");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator(db).MigrateAsync(TestContext.Current.CancellationToken));

        Assert.Contains("0002_orleans_membership", error.Message, StringComparison.Ordinal);
    }

    private static PostgresMigrator Migrator(TestDatabase db) => new(db.ConnectionString, NullLogger<PostgresMigrator>.Instance);
}
