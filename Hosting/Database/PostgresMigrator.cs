using Npgsql;

namespace Tandem.Hosting.Database;

/// <summary>
/// Applies pending migrations, each in its own transaction, under a PostgreSQL advisory lock so silos
/// starting together apply each migration exactly once. Idempotent: an up-to-date database is left as is.
/// A migration whose text changed after it was applied stops the start-up.
/// </summary>
public sealed class PostgresMigrator(string connectionString, ILogger<PostgresMigrator> logger)
{
    /// <summary>Advisory lock id ("TANDEM" in ASCII).</summary>
    private const long LockId = 0x54414E44454D;

    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken)
    {
        var migrations = Migration.Embedded();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockId})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS tandem_migrations (
                    number     integer PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);
            var applied = await AppliedAsync(connection, cancellationToken);
            var done = new List<Migration>();
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Number, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {migration.Name} was changed after it was applied; add a new migration instead.");
                    }

                    continue;
                }

                await ApplyAsync(connection, migration, cancellationToken);
                done.Add(migration);
                logger.MigrationApplied(migration.Name);
            }

            return done;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockId})", CancellationToken.None);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var apply = new NpgsqlCommand(migration.Sql, connection, transaction))
        {
            await apply.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand(
            "INSERT INTO tandem_migrations (number, name, checksum) VALUES (@number, @name, @checksum)", connection, transaction))
        {
            record.Parameters.AddWithValue("number", migration.Number);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT number, checksum FROM tandem_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
