using Npgsql;

using NpgsqlTypes;

namespace Tandem.Hosting.Storage;

/// <summary>
/// A stored row as read: the serialized state (null once cleared), its version, and for a state that records its
/// changes, the last journal row the state includes and the rows after it, in order (read in the same statement).
/// </summary>
internal sealed record StoredState(byte[]? Payload, long Version, long LogThrough = 0, long[]? Seqs = null, byte[][]? Changes = null);

/// <summary>
/// One activation's read of its state, answered with the row or null (no row); for a state that records its changes
/// (<paramref name="journaled"/>), with its journal rows too.
/// </summary>
internal sealed class StateRead(string grainId, string stateName, bool journaled) : IBatchItem
{
    public bool Journaled { get; } = journaled;

    public string GrainId { get; } = grainId;

    public string StateName { get; } = stateName;

    public string Key { get; } = StateKey.Of(grainId, stateName);

    public TaskCompletionSource<StoredState?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Fail(Exception exception) => Answer.TrySetException(exception);
}

/// <summary>Many activations' reads in one query.</summary>
internal static class StateReads
{
    private const string Sql = """
        SELECT i.n, s.payload, s.version, s.log_through, l.seqs, l.changes
          FROM unnest(@grain_ids, @state_names, @journaled) WITH ORDINALITY AS i(grain_id, state_name, journaled, n)
          JOIN tandem_grain_state AS s
            ON s.service_id = @service_id AND s.grain_id = i.grain_id AND s.state_name = i.state_name
          LEFT JOIN LATERAL (
                SELECT array_agg(g.seq ORDER BY g.seq) AS seqs, array_agg(g.changes ORDER BY g.seq) AS changes
                  FROM tandem_grain_log AS g
                 WHERE i.journaled AND g.service_id = @service_id AND g.grain_id = i.grain_id AND g.state_name = i.state_name
                   AND g.seq > s.log_through
               ) AS l ON true
        """;

    public static async Task SendAsync(NpgsqlDataSource dataSource, string serviceId, IReadOnlyList<StateRead> reads)
    {
        var found = new StoredState?[reads.Count];
        await using (var command = dataSource.CreateCommand(Sql))
        {
            StateKey.AddRows(command, serviceId, reads.Select(r => r.GrainId), reads.Select(r => r.StateName));
            command.Parameters.Add(new NpgsqlParameter<bool[]>("journaled", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { TypedValue = [.. reads.Select(r => r.Journaled)] });
            await using var rows = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await rows.ReadAsync().ConfigureAwait(false))
            {
                var index = (int)rows.GetInt64(0) - 1;
                found[index] = new StoredState(
                    rows.IsDBNull(1) ? null : rows.GetFieldValue<byte[]>(1), rows.GetInt64(2), rows.GetInt64(3),
                    rows.IsDBNull(4) ? null : rows.GetFieldValue<long[]>(4), rows.IsDBNull(5) ? null : rows.GetFieldValue<byte[][]>(5));
            }
        }

        for (var i = 0; i < reads.Count; i++)
        {
            reads[i].Answer.TrySetResult(found[i]);
        }
    }
}
