using System.Globalization;
using System.Runtime.InteropServices;

using Npgsql;

using NpgsqlTypes;

using Orleans.Storage;

using Tandem.Grains.Infrastructure;

namespace Tandem.Hosting.Storage;

/// <summary>
/// Grain storage in PostgreSQL (table <c>tandem_grain_state</c>, one row per grain and state name) that sends
/// the reads and writes of all of a silo's activations together: a grain's state is serialized at once, on
/// the grain's own turn, so what is stored is one state the grain was really in; its row joins the next batch;
/// the grain is answered only after the statement holding the row has committed. The version is the ETag: a
/// write of a stale version fails with <see cref="InconsistentStateException"/>, and only that write fails. A state's
/// due time (<see cref="IDueState"/>) is written in the same row, and the rows that are due are one indexed query.
/// A state that records its changes (<see cref="IJournaledState"/>) is written as its changes since the last write,
/// appended to its journal (<see cref="JournalWrites"/>), and whole every <see cref="PostgresGrainStorageOptions.SnapshotEvery"/>
/// writes; its ETag is a <see cref="JournalPosition"/>.
/// </summary>
public sealed class PostgresGrainStorage : IGrainStorage, IDueStates, ICapturesStateOnWrite, IAsyncDisposable
{
    private const string DueSql = """
        SELECT grain_id, due_at FROM tandem_grain_state
         WHERE service_id = @service_id AND state_name = @state_name AND due_at <= @now
         ORDER BY due_at, grain_id
         LIMIT @limit
        """;

    private const string DueAfterSql = """
        SELECT grain_id, due_at FROM tandem_grain_state
         WHERE service_id = @service_id AND state_name = @state_name AND due_at <= @now
           AND (due_at, grain_id) > (@after_due, @after_grain)
         ORDER BY due_at, grain_id
         LIMIT @limit
        """;

    private readonly string _name;
    private readonly string _serviceId;
    private readonly NpgsqlDataSource _dataSource;
    private readonly IGrainStorageSerializer _serializer;
    private readonly ILogger _logger;
    private readonly StateBatcher<StateRead> _reads;
    private readonly StateBatcher<StateWrite> _writes;
    private readonly StateBatcher<JournalWrite> _journal;
    private readonly int _snapshotEvery;
    private int _stopped;

    public PostgresGrainStorage(string name, string serviceId, NpgsqlDataSource dataSource, IGrainStorageSerializer serializer,
        PostgresGrainStorageOptions options, ILogger<PostgresGrainStorage> logger)
    {
        _name = name;
        _serviceId = serviceId;
        _dataSource = dataSource;
        _serializer = serializer;
        _logger = logger;
        _reads = new StateBatcher<StateRead>("read", batch => StateReads.SendAsync(_dataSource, _serviceId, batch), options, logger);
        _writes = new StateBatcher<StateWrite>("write", batch => StateWrites.SendAsync(_dataSource, _serviceId, batch), options, logger);
        _journal = new StateBatcher<JournalWrite>("journal", batch => JournalWrites.SendAsync(_dataSource, _serviceId, batch), options, logger);
        _snapshotEvery = options.SnapshotEvery;
    }

    /// <summary>Statements sent so far: (reads, rows read, writes, rows written); journal writes count as writes.</summary>
    public (long ReadBatches, long ReadRows, long WriteBatches, long WriteRows) Sent =>
        (_reads.Batches, _reads.Rows, _writes.Batches + _journal.Batches, _writes.Rows + _journal.Rows);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var read = new StateRead(grainId.ToString(), stateName, typeof(IJournaledState).IsAssignableFrom(typeof(T)));
        _reads.Enqueue(read);
        var stored = await read.Answer.Task.ConfigureAwait(false);
        StoredStates.Hand(grainState, stored?.Version, stored?.Payload, _serializer);
        if (stored is not null && grainState.State is IJournaledState journaled)
        {
            grainState.ETag = Replay(journaled, stored, grainId, stateName).ToString();
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        grainState.State is IJournaledState journaled && grainState.ETag is { } etag
            ? AppendAsync(stateName, grainId, grainState, JournalPosition.Parse(etag, grainId, stateName), journaled)
            : WriteAsync(stateName, grainId, grainState, Bytes(_serializer.Serialize(grainState.State)), StoredStates.Due(grainState.State));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        grainState.State is IJournaledState && grainState.ETag is { } etag
            ? AppendAsync(stateName, grainId, grainState, JournalPosition.Parse(etag, grainId, stateName), journaled: null)
            : WriteAsync(stateName, grainId, grainState, payload: null, dueAt: null);

    /// <summary>Applies the journal rows written after the whole copy, in order; a missing row means the copy moved on meanwhile.</summary>
    private JournalPosition Replay(IJournaledState state, StoredState stored, GrainId grainId, string stateName)
    {
        var seq = stored.LogThrough;
        long logBytes = 0;
        for (var i = 0; i < (stored.Seqs?.Length ?? 0); i++)
        {
            if (stored.Seqs![i] != seq + 1)
            {
                throw new InconsistentStateException(
                    $"Storage {_name}: {grainId} found journal row {stored.Seqs[i]} of {stateName} after row {seq}; read it again.", "unknown", "none");
            }

            seq = stored.Seqs[i];
            if (stored.Changes![i] is { } changes)
            {
                state.Replay(new BinaryData(changes), _serializer);
                logBytes += changes.Length;
            }
        }

        return new JournalPosition(stored.Version, seq, stored.LogThrough, stored.Payload?.Length ?? 0, logBytes);
    }

    /// <summary>
    /// Appends the changes handed to <paramref name="journaled"/> as the next journal row, or writes the whole state
    /// when a copy is due (<see cref="JournalPosition.CopyDue"/>: <see cref="PostgresGrainStorageOptions.SnapshotEvery"/>
    /// rows after the last copy, weighing as much as it), no changes were handed, the stored copy was cleared (changes
    /// need a copy to apply to), or the state is cleared (<paramref name="journaled"/> null).
    /// </summary>
    private async Task AppendAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, JournalPosition at, IJournaledState? journaled)
    {
        var seq = at.Seq + 1;
        var changes = journaled is null || journaled.HandedChanges == 0 || !grainState.RecordExists ? null : Bytes(journaled.SerializeChanges(_serializer));
        var whole = changes is null || at.CopyDue(_snapshotEvery, changes.Length);
        var write = new JournalWrite(grainId.ToString(), stateName, at.Version, seq,
            whole ? null : changes,
            snapshot: whole,
            payload: whole && journaled is not null ? Bytes(_serializer.Serialize(grainState.State)) : null);
        _journal.Enqueue(write);
        var version = await write.Answer.Task.ConfigureAwait(false)
            ?? throw Conflict(write.GrainId, stateName, grainState.ETag, $"could not write row {seq} of its journal after version {at.Version}");
        grainState.ETag = (whole
            ? new JournalPosition(version, seq, seq, write.Payload?.Length ?? 0)
            : at with { Version = version, Seq = seq, LogBytes = at.LogBytes + changes!.Length }).ToString();
        grainState.RecordExists = journaled is not null;
        if (journaled is null)
        {
            grainState.State = Activator.CreateInstance<T>();
        }
    }

    private async Task WriteAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, byte[]? payload, DateTimeOffset? dueAt)
    {
        var held = grainState.ETag;
        var write = new StateWrite(grainId.ToString(), stateName, payload, dueAt, StoredStates.Version(held, grainId, stateName));
        _writes.Enqueue(write);
        var version = await write.Answer.Task.ConfigureAwait(false)
            ?? throw Conflict(write.GrainId, stateName, held, $"holds version {held ?? "none"} but the stored row has another");

        grainState.ETag = grainState.State is IJournaledState ? new JournalPosition(version, 0, 0, payload?.Length ?? 0).ToString() : StoredStates.Etag(version);
        grainState.RecordExists = payload is not null;
        if (payload is null)
        {
            grainState.State = Activator.CreateInstance<T>();
        }
    }

    /// <summary>A write refused because another activation wrote first: counted, logged, and the exception Orleans expects.</summary>
    private InconsistentStateException Conflict(string grainId, string stateName, string? held, string what)
    {
        StorageMetrics.Conflicts.Add(1);
        _logger.WriteConflict(grainId, stateName, held ?? "none");
        return new InconsistentStateException(
            $"Storage {_name}: {grainId} could not write {stateName}; it {what} (another activation wrote it).",
            storedEtag: "unknown", currentEtag: held ?? "none");
    }

    public async Task<IReadOnlyList<DueGrain>> DueAsync(string stateName, DateTimeOffset now, int limit, DueGrain? after = null)
    {
        await using var command = _dataSource.CreateCommand(after is null ? DueSql : DueAfterSql);
        command.Parameters.Add(new NpgsqlParameter<string>("service_id", NpgsqlDbType.Text) { TypedValue = _serviceId });
        command.Parameters.Add(new NpgsqlParameter<string>("state_name", NpgsqlDbType.Text) { TypedValue = stateName });
        command.Parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = now.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = limit });
        if (after is { } last)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTime>("after_due", NpgsqlDbType.TimestampTz) { TypedValue = last.DueAt.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter<string>("after_grain", NpgsqlDbType.Text) { TypedValue = last.Grain.ToString() });
        }

        await using var rows = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var due = new List<DueGrain>();
        while (await rows.ReadAsync().ConfigureAwait(false))
        {
            due.Add(new DueGrain(
                GrainId.Parse(rows.GetString(0), CultureInfo.InvariantCulture),
                new DateTimeOffset(rows.GetFieldValue<DateTime>(1), TimeSpan.Zero)));
        }

        return due;
    }

    private static byte[] Bytes(BinaryData data) =>
        MemoryMarshal.TryGetArray(data.ToMemory(), out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : data.ToArray();

    /// <summary>Sends what is queued and stops; only the first call does anything (the silo stops it once per service it is registered as).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _writes.DisposeAsync().ConfigureAwait(false);
        await _journal.DisposeAsync().ConfigureAwait(false);
        await _reads.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
