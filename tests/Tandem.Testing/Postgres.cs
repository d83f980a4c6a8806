using Microsoft.Extensions.Logging.Abstractions;

using Npgsql;

using Tandem.Hosting.Database;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL the tests use, from <c>TANDEM_TEST_POSTGRES</c> (./test.sh provides it). Without it a
/// test is skipped with the reason, except in CI, where it fails: CI always has PostgreSQL.
/// </summary>
public static class Postgres
{
    public const string Variable = "TANDEM_TEST_POSTGRES";

    /// <summary>The connection string of a new, empty database that is dropped when disposed.</summary>
    public static async Task<TestDatabase> NewDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"CI must provide PostgreSQL through {Variable}.");
            }

            Assert.Skip($"PostgreSQL is not available: set {Variable} or run ./test.sh, which installs and starts it.");
        }

        var name = "tandem_t_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE {name}");

        return new TestDatabase(server, new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString, name);
    }

    /// <summary>A new database (as <see cref="NewDatabaseAsync"/>) with Tandem's migrations applied.</summary>
    public static async Task<TestDatabase> NewMigratedDatabaseAsync()
    {
        var db = await NewDatabaseAsync();
        await new PostgresMigrator(db.ConnectionString, NullLogger<PostgresMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
        return db;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>A database of one test.</summary>
public sealed class TestDatabase(string server, string connectionString, string name) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>
    /// Drops the database and every connection to it. A connection still starting up (a storage's reconnect racing the
    /// end of its test) has no role yet, which PostgreSQL refuses to terminate (42501): the drop is tried again then.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await Postgres.ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
        }
    }
}
