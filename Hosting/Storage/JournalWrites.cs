using Npgsql;

using NpgsqlTypes;

namespace Tandem.Hosting.Storage;

/// <summary>
/// One activation's write of a state that records its changes (<see cref="Tandem.Grains.Infrastructure.IJournaledState"/>):
/// the changes since its last write, appended as row <see cref="Seq"/> of the state's journal, or a whole copy of the
/// state (<see cref="Snapshot"/>) that includes every row up to <see cref="Seq"/>. Written only while the stored copy
/// still has the version the writer read and no row <see cref="Seq"/> exists. Answered with the stored copy's version
/// afterwards (new for a whole copy), or null when it was refused.
/// </summary>
internal sealed class JournalWrite(string grainId, string stateName, long expected, long seq, byte[]? changes, bool snapshot, byte[]? payload) : IBatchItem
{
    public string GrainId { get; } = grainId;

    public string StateName { get; } = stateName;

    public long Expected { get; } = expected;

    public long Seq { get; } = seq;

    public byte[]? Changes { get; } = changes;

    public bool Snapshot { get; } = snapshot;

    public byte[]? Payload { get; } = payload;

    public string Key { get; } = StateKey.Of(grainId, stateName);

    public TaskCompletionSource<long?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Fail(Exception exception) => Answer.TrySetException(exception);
}

/// <summary>
/// Many activations' journal writes in one statement, so one transaction. Each row is appended only if its state's
/// stored copy still has the version the writer read (the copy's row is locked FOR SHARE while checked, so a copy being
/// written at the same time makes the append wait and then refuses it) and its number is not taken; a whole copy is
/// written only together with its own row, and deletes the rows it includes. A whole copy locks its row FOR UPDATE
/// before it checks it, so two activations writing whole copies at once queue instead of each holding a share the
/// other must wait for (a deadlock). A refused row does not abort the others.
/// </summary>
internal static class JournalWrites
{
    private const string Sql = """
        WITH input AS (
            SELECT * FROM unnest(@grain_ids, @state_names, @expected, @seqs, @changes, @snapshots, @payloads)
                AS i(grain_id, state_name, expected, seq, changes, snapshot, payload)
        ), appending AS (
            SELECT i.grain_id, i.state_name
              FROM input AS i
              JOIN tandem_grain_state AS s
                ON s.service_id = @service_id AND s.grain_id = i.grain_id AND s.state_name = i.state_name AND s.version = i.expected
             WHERE NOT i.snapshot
               FOR SHARE OF s
        ), copying AS (
            SELECT i.grain_id, i.state_name
              FROM input AS i
              JOIN tandem_grain_state AS s
                ON s.service_id = @service_id AND s.grain_id = i.grain_id AND s.state_name = i.state_name AND s.version = i.expected
             WHERE i.snapshot
               FOR UPDATE OF s
        ), current AS (
            SELECT grain_id, state_name FROM appending
            UNION ALL
            SELECT grain_id, state_name FROM copying
        ), appended AS (
            INSERT INTO tandem_grain_log (service_id, grain_id, state_name, seq, changes)
            SELECT @service_id, i.grain_id, i.state_name, i.seq, CASE WHEN i.snapshot THEN NULL ELSE i.changes END
              FROM input AS i
              JOIN current AS c ON c.grain_id = i.grain_id AND c.state_name = i.state_name
            ON CONFLICT DO NOTHING
            RETURNING grain_id, state_name
        ), snapshotted AS (
            UPDATE tandem_grain_state AS s
               SET payload = i.payload, version = s.version + 1, log_through = i.seq, modified_at = now()
              FROM input AS i
              JOIN appended AS a ON a.grain_id = i.grain_id AND a.state_name = i.state_name
             WHERE i.snapshot AND s.service_id = @service_id AND s.grain_id = i.grain_id AND s.state_name = i.state_name
            RETURNING s.grain_id, s.state_name, s.version
        ), trimmed AS (
            DELETE FROM tandem_grain_log AS l
             USING input AS i
              JOIN appended AS a ON a.grain_id = i.grain_id AND a.state_name = i.state_name
             WHERE i.snapshot AND l.service_id = @service_id AND l.grain_id = i.grain_id AND l.state_name = i.state_name
               AND l.seq < i.seq
        )
        SELECT a.grain_id, a.state_name, s.version
          FROM appended AS a
          LEFT JOIN snapshotted AS s ON s.grain_id = a.grain_id AND s.state_name = a.state_name
        """;

    public static async Task SendAsync(NpgsqlDataSource dataSource, string serviceId, IReadOnlyList<JournalWrite> writes)
    {
        var written = new Dictionary<string, long?>(writes.Count, StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand(Sql))
        {
            StateKey.AddRows(command, serviceId, writes.Select(w => w.GrainId), writes.Select(w => w.StateName));
            command.Parameters.Add(new NpgsqlParameter<long[]>("expected", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. writes.Select(w => w.Expected)] });
            command.Parameters.Add(new NpgsqlParameter<long[]>("seqs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. writes.Select(w => w.Seq)] });
            command.Parameters.Add(new NpgsqlParameter<byte[]?[]>("changes", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. writes.Select(w => w.Changes)] });
            command.Parameters.Add(new NpgsqlParameter<bool[]>("snapshots", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { TypedValue = [.. writes.Select(w => w.Snapshot)] });
            command.Parameters.Add(new NpgsqlParameter<byte[]?[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. writes.Select(w => w.Payload)] });
            await using var rows = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await rows.ReadAsync().ConfigureAwait(false))
            {
                written[StateKey.Of(rows.GetString(0), rows.GetString(1))] = rows.IsDBNull(2) ? null : rows.GetInt64(2);
            }
        }

        // Answered only now: the statement committed when its reader was done.
        foreach (var write in writes)
        {
            write.Answer.TrySetResult(written.TryGetValue(write.Key, out var version) ? version ?? write.Expected : null);
        }
    }
}
