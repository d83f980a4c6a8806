using System.Collections.Concurrent;
using System.Collections.Immutable;

using Orleans.Storage;

using Tandem.Grains.Infrastructure;

namespace Tandem.Hosting.Storage;

/// <summary>
/// Grain storage of the embedded mode (one silo, nothing outside the process): each grain's state is kept in the
/// silo's memory as the bytes the state serializer makes of it, so a grain reads back a copy, never the object it
/// wrote. A read or write is no grain call and no wait: it is done on the grain's own turn. The version is the ETag
/// and moves by compare-and-swap, so a stale write fails with <see cref="InconsistentStateException"/>, as with
/// <see cref="PostgresGrainStorage"/>. A state's due time (<see cref="IDueState"/>) is kept in the same row, and
/// indexed (<see cref="DueIndex"/>). Everything
/// is lost when the process stops: production keeps state in PostgreSQL. A state that records its changes
/// (<see cref="IJournaledState"/>) is kept as its bytes of some writes ago and the changes of each write since, whole
/// again once <see cref="SnapshotEvery"/> writes follow and weigh as much as it (<see cref="JournalCopies.Due"/>), and
/// read back by applying those changes in order.
/// </summary>
public sealed class EmbeddedGrainStorage(string name, IGrainStorageSerializer serializer) : IGrainStorage, IDueStates, ICapturesStateOnWrite
{
    /// <summary>How many writes of a state that records its changes keep only their changes, at least, before one keeps it whole.</summary>
    public const int SnapshotEvery = 100;

    private readonly ConcurrentDictionary<(GrainId Grain, string State), Row> _rows = new();
    private readonly DueIndex _due = new();

    /// <summary>
    /// A stored state: its bytes (none once cleared), the changes written since them, when its grain is due, and its
    /// version. Compared by reference.
    /// </summary>
    private sealed class Row(byte[]? payload, DateTimeOffset? dueAt, long version, ImmutableList<byte[]>? changes = null, long changeBytes = 0)
    {
        public byte[]? Payload { get; } = payload;

        public DateTimeOffset? DueAt { get; } = dueAt;

        public long Version { get; } = version;

        public ImmutableList<byte[]> Changes { get; } = changes ?? [];

        /// <summary>The size of <see cref="Changes"/>.</summary>
        public long ChangeBytes { get; } = changeBytes;
    }

    /// <summary>States held (including cleared ones, which keep their version).</summary>
    public int Count => _rows.Count;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryGetValue((grainId, stateName), out var row);
        StoredStates.Hand(grainState, row?.Version, row?.Payload, serializer);
        if (row is not null && grainState.State is IJournaledState journaled)
        {
            foreach (var changes in row.Changes)
            {
                journaled.Replay(new BinaryData(changes), serializer);
            }
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.State is IJournaledState { HandedChanges: > 0 } journaled
            && _rows.TryGetValue((grainId, stateName), out var current) && current.Payload is { } copy)
        {
            var changes = journaled.SerializeChanges(serializer).ToArray();
            if (!JournalCopies.Due(current.Changes.Count, SnapshotEvery, current.ChangeBytes, changes.Length, copy.Length))
            {
                Write(stateName, grainId, grainState, version => new Row(copy, current.DueAt, version, current.Changes.Add(changes), current.ChangeBytes + changes.Length), current);
                return Task.CompletedTask;
            }
        }

        var payload = serializer.Serialize(grainState.State).ToArray();
        var dueAt = StoredStates.Due(grainState.State);
        Write(stateName, grainId, grainState, version => new Row(payload, dueAt, version), expected: null);
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Write(stateName, grainId, grainState, version => new Row(null, null, version), expected: null);
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

    /// <summary>A page is read from the due times' index (<see cref="DueIndex"/>), in the time of its own length.</summary>
    public Task<IReadOnlyList<DueGrain>> DueAsync(string stateName, DateTimeOffset now, int limit, DueGrain? after = null) =>
        Task.FromResult(_due.Page(stateName, now, limit, after, grain => _rows.TryGetValue((grain, stateName), out var row) ? row.DueAt : null));

    /// <summary>
    /// Replaces the row the grain read by <paramref name="row"/> (made for the new version), or adds it when the grain
    /// read none; <paramref name="expected"/>: the row <paramref name="row"/> is made from, which must still be the stored one.
    /// </summary>
    private void Write<T>(string stateName, GrainId grainId, IGrainState<T> grainState, Func<long, Row> row, Row? expected)
    {
        var key = (grainId, stateName);
        var held = grainState.ETag;
        var version = StoredStates.Version(held, grainId, stateName);
        var now = (version ?? 0) + 1;
        var made = row(now);
        Row? current = null;
        var written = version is null
            ? _rows.TryAdd(key, made)
            : _rows.TryGetValue(key, out current) && current.Version == version && (expected is null || ReferenceEquals(current, expected))
                && _rows.TryUpdate(key, made, current);
        if (!written)
        {
            StorageMetrics.Conflicts.Add(1);
            throw new InconsistentStateException(
                $"Storage {name}: {grainId} could not write {stateName}; it holds version {held ?? "none"} but the stored state has another (another activation wrote it).",
                storedEtag: _rows.TryGetValue(key, out var stored) ? StoredStates.Etag(stored.Version) : "none", currentEtag: held ?? "none");
        }

        _due.Moved(stateName, grainId, current?.DueAt, made.DueAt, () => _rows.TryGetValue(key, out var stored) && ReferenceEquals(stored, made));
        grainState.ETag = StoredStates.Etag(now);
        grainState.RecordExists = made.Payload is not null;
    }
}
