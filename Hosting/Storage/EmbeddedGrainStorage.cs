using System.Collections.Concurrent;

using Orleans.Storage;

using Tandem.Grains.Infrastructure;

namespace Tandem.Hosting.Storage;

/// <summary>
/// Grain storage of the embedded mode (one silo, nothing outside the process): each grain's state is kept in the
/// silo's memory as the bytes the state serializer makes of it, so a grain reads back a copy, never the object it
/// wrote. A read or write is no grain call and no wait: it is done on the grain's own turn. The version is the ETag
/// and moves by compare-and-swap, so a stale write fails with <see cref="InconsistentStateException"/>, as with
/// <see cref="PostgresGrainStorage"/>. A state's due time (<see cref="IDueState"/>) is kept in the same row. Everything
/// is lost when the process stops: production keeps state in PostgreSQL.
/// </summary>
public sealed class EmbeddedGrainStorage(string name, IGrainStorageSerializer serializer) : IGrainStorage, IDueStates, ICapturesStateOnWrite
{
    private readonly ConcurrentDictionary<(GrainId Grain, string State), Row> _rows = new();

    /// <summary>A stored state: its bytes (none once cleared), when its grain is due, and its version. Compared by reference.</summary>
    private sealed class Row(byte[]? payload, DateTimeOffset? dueAt, long version)
    {
        public byte[]? Payload { get; } = payload;

        public DateTimeOffset? DueAt { get; } = dueAt;

        public long Version { get; } = version;
    }

    /// <summary>States held (including cleared ones, which keep their version).</summary>
    public int Count => _rows.Count;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryGetValue((grainId, stateName), out var row);
        StoredStates.Hand(grainState, row?.Version, row?.Payload, serializer);
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Write(stateName, grainId, grainState, serializer.Serialize(grainState.State).ToArray(), StoredStates.Due(grainState.State));
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Write(stateName, grainId, grainState, payload: null, dueAt: null);
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

    /// <summary>The due rows are found by looking at every row: a few milliseconds for a hundred thousand states.</summary>
    public Task<IReadOnlyList<DueGrain>> DueAsync(string stateName, DateTimeOffset now, int limit, DueGrain? after = null) =>
        Task.FromResult(DueGrain.Page(
            _rows.Where(r => r.Key.State == stateName && r.Value.DueAt <= now).Select(r => new DueGrain(r.Key.Grain, r.Value.DueAt!.Value)),
            limit, after));

    private void Write<T>(string stateName, GrainId grainId, IGrainState<T> grainState, byte[]? payload, DateTimeOffset? dueAt)
    {
        var key = (grainId, stateName);
        var held = grainState.ETag;
        var version = StoredStates.Version(held, grainId, stateName);
        var now = (version ?? 0) + 1;
        var written = version is null
            ? _rows.TryAdd(key, new Row(payload, dueAt, now))
            : _rows.TryGetValue(key, out var current) && current.Version == version && _rows.TryUpdate(key, new Row(payload, dueAt, now), current);
        if (!written)
        {
            StorageMetrics.Conflicts.Add(1);
            throw new InconsistentStateException(
                $"Storage {name}: {grainId} could not write {stateName}; it holds version {held ?? "none"} but the stored state has another (another activation wrote it).",
                storedEtag: _rows.TryGetValue(key, out var stored) ? StoredStates.Etag(stored.Version) : "none", currentEtag: held ?? "none");
        }

        grainState.ETag = StoredStates.Etag(now);
        grainState.RecordExists = payload is not null;
    }
}
