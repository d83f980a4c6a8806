using Npgsql;

using NpgsqlTypes;

namespace Tandem.Hosting.Storage;

/// <summary>
/// One activation's write of its state: the serialized state (null clears it), when the grain is next due (see
/// <see cref="Tandem.Grains.Infrastructure.IDueState"/>) and the version it read (null: the row must not exist yet). Answered with the row's new version, or null when the row no longer has the
/// expected version.
/// </summary>
internal sealed class StateWrite(string grainId, string stateName, byte[]? payload, DateTimeOffset? dueAt, long? expected) : IBatchItem
{
    public string GrainId { get; } = grainId;

    public string StateName { get; } = stateName;

    public byte[]? Payload { get; } = payload;

    public DateTimeOffset? DueAt { get; } = dueAt;

    public long? Expected { get; } = expected;

    public string Key { get; } = StateKey.Of(grainId, stateName);

    public TaskCompletionSource<long?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Fail(Exception exception) => Answer.TrySetException(exception);
}

/// <summary>
/// Many activations' conditional writes in one statement, so one transaction: each row is updated only if it
/// still has the version its writer read, or inserted only if its writer expects none. A row whose version
/// moved on is simply not written and its writer is told, without aborting the others.
/// </summary>
internal static class StateWrites
{
    private const string Sql = """
        WITH input AS (
            SELECT * FROM unnest(@grain_ids, @state_names, @payloads, @due, @expected) AS i(grain_id, state_name, payload, due_at, expected)
        ), updated AS (
            UPDATE tandem_grain_state AS s
               SET payload = i.payload, due_at = i.due_at, version = s.version + 1, modified_at = now()
              FROM input AS i
             WHERE s.service_id = @service_id AND s.grain_id = i.grain_id AND s.state_name = i.state_name
               AND s.version = i.expected
            RETURNING s.grain_id, s.state_name, s.version
        ), inserted AS (
            INSERT INTO tandem_grain_state (service_id, grain_id, state_name, payload, due_at, version)
            SELECT @service_id, i.grain_id, i.state_name, i.payload, i.due_at, 1
              FROM input AS i
             WHERE i.expected IS NULL
            ON CONFLICT DO NOTHING
            RETURNING grain_id, state_name, version
        )
        SELECT grain_id, state_name, version FROM updated
        UNION ALL
        SELECT grain_id, state_name, version FROM inserted
        """;

    public static async Task SendAsync(NpgsqlDataSource dataSource, string serviceId, IReadOnlyList<StateWrite> writes)
    {
        var written = new Dictionary<string, long>(writes.Count, StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand(Sql))
        {
            StateKey.AddRows(command, serviceId, writes.Select(w => w.GrainId), writes.Select(w => w.StateName));
            command.Parameters.Add(new NpgsqlParameter<byte[]?[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. writes.Select(w => w.Payload)] });
            command.Parameters.Add(new NpgsqlParameter<DateTime?[]>("due", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. writes.Select(w => w.DueAt?.UtcDateTime)] });
            command.Parameters.Add(new NpgsqlParameter<long?[]>("expected", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. writes.Select(w => w.Expected)] });
            await using var rows = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await rows.ReadAsync().ConfigureAwait(false))
            {
                written[StateKey.Of(rows.GetString(0), rows.GetString(1))] = rows.GetInt64(2);
            }
        }

        // Answered only now: the statement committed when its reader was done.
        foreach (var write in writes)
        {
            write.Answer.TrySetResult(written.TryGetValue(write.Key, out var version) ? version : null);
        }
    }
}
