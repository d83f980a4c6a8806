using System.Collections.Concurrent;

using Orleans.Storage;

using Tandem.Grains.Infrastructure;
using Tandem.Hosting.Configuration;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// In-memory grain storage that tests can make fail for chosen grains, to prove what a grain does when
/// its write does not land. Stores through Tandem's own state serializer. Like Orleans' ADO.NET storage, it
/// leaves the grain's scheduler before it serializes the state (there: awaiting a connection with
/// <c>ConfigureAwait(false)</c>), so a grain that keeps changing the object it handed over gets a torn write. Keeps
/// due times beside states, as Tandem's storages do.
/// <para>
/// The rows the static helpers read (<see cref="DueAt"/>) are the grain-test cluster's. Another cluster in the same test
/// run keeps rows of its own (<see cref="Isolated"/>): its sweeper must not find, wake and expire that cluster's orders.
/// </para>
/// </summary>
public sealed class FaultyStorage : IGrainStorage, IDueStates
{
    private static readonly ConcurrentDictionary<(string State, GrainId Grain), (string ETag, BinaryData Data, DateTimeOffset? DueAt)> Shared = new();
    private static readonly ConcurrentDictionary<string, Func<object?, bool>> Failing = new();
    private static readonly StateSerializer Serializer = new();

    private static readonly DueIndex SharedDue = new();

    private readonly ConcurrentDictionary<(string State, GrainId Grain), (string ETag, BinaryData Data, DateTimeOffset? DueAt)> Rows;
    private readonly DueIndex Due;

    /// <summary>Storage over the grain-test cluster's rows.</summary>
    public FaultyStorage()
        : this(Shared, SharedDue)
    {
    }

    private FaultyStorage(ConcurrentDictionary<(string State, GrainId Grain), (string ETag, BinaryData Data, DateTimeOffset? DueAt)> rows, DueIndex due) =>
        (Rows, Due) = (rows, due);

    /// <summary>Storage over rows of its own, for a cluster that runs beside the grain-test cluster.</summary>
    public static FaultyStorage Isolated() => new(new(), new());
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<BinaryData>> Watched = new();
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<BinaryData>> WatchedChanges = new();

    /// <summary>Writes of every grain whose id contains <paramref name="fragment"/> fail until <see cref="Heal"/>.</summary>
    public static void FailWritesOf(string fragment) => Failing[fragment] = _ => true;

    /// <summary>Writes of grains whose id contains <paramref name="fragment"/> fail when the state written matches <paramref name="when"/>.</summary>
    public static void FailWritesOf<T>(string fragment, Func<T, bool> when) => Failing[fragment] = state => state is T typed && when(typed);

    public static void Heal(string fragment) => Failing.TryRemove(fragment, out _);

    /// <summary>
    /// From now on, keeps every state written for grains whose id contains <paramref name="fragment"/>, and makes
    /// their writes slow (a few milliseconds waiting for "the connection") so commands arrive during each write.
    /// </summary>
    public static void Watch(string fragment)
    {
        WatchedChanges[fragment] = new ConcurrentQueue<BinaryData>();
        Watched[fragment] = new ConcurrentQueue<BinaryData>();
    }

    /// <summary>The states written for a watched fragment, as stored, oldest first.</summary>
    public static IReadOnlyList<BinaryData> WritesOf(string fragment) => [.. Watched[fragment]];

    /// <summary>
    /// For a state that records its changes (<see cref="IJournaledState"/>): the changes handed with each write of a
    /// watched fragment, as a storage keeping changes would append them, in the order of <see cref="WritesOf"/>.
    /// </summary>
    public static IReadOnlyList<BinaryData> ChangesOf(string fragment) => [.. WatchedChanges[fragment]];

    /// <summary>Applies stored changes to <paramref name="state"/> the way a storage keeping changes reads a state back.</summary>
    public static void Replay(IJournaledState state, BinaryData changes) => state.Replay(changes, Serializer);

    /// <summary>Reads stored bytes back the way the grain's next activation would.</summary>
    public static T Read<T>(BinaryData data) => Serializer.Deserialize<T>(data);

    /// <summary>The due time stored beside a grain's state (null: none, or no state).</summary>
    public static DateTimeOffset? DueAt(string stateName, GrainId grain) => Shared.TryGetValue((stateName, grain), out var row) ? row.DueAt : null;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Rows.TryGetValue((stateName, grainId), out var row))
        {
            grainState.State = Serializer.Deserialize<T>(row.Data);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        if (Watched.Keys.Any(f => id.Contains(f, StringComparison.Ordinal)))
        {
            await Task.Delay(2).ConfigureAwait(false); // a slow connection, so the watched grain's next commands arrive meanwhile
        }

        // "The connection": the rest runs on the thread pool, while the grain's scheduler runs other turns.
        var etag = await Task.Run(() =>
        {
            if (Failing.Any(f => id.Contains(f.Key, StringComparison.Ordinal) && f.Value(grainState.State)))
            {
                throw new IOException("Simulated storage failure.");
            }

            var data = Serializer.Serialize(grainState.State);
            foreach (var (fragment, writes) in Watched)
            {
                if (id.Contains(fragment, StringComparison.Ordinal))
                {
                    if (grainState.State is IJournaledState journaled)
                    {
                        WatchedChanges[fragment].Enqueue(journaled.SerializeChanges(Serializer));
                    }

                    writes.Enqueue(data);
                }
            }

            var (key, etag, dueAt) = ((stateName, grainId), Guid.NewGuid().ToString("N"), (grainState.State as IDueState)?.DueAt);
            DateTimeOffset? previous = null;
            Rows.AddOrUpdate(key, (etag, data, dueAt), (_, old) =>
            {
                previous = old.DueAt;
                return (etag, data, dueAt);
            });
            Due.Moved(stateName, grainId, previous, dueAt, () => Rows.TryGetValue(key, out var stored) && stored.ETag == etag);
            return etag;
        }).ConfigureAwait(false);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        if (Rows.TryRemove(key, out var removed))
        {
            Due.Moved(stateName, grainId, removed.DueAt, null, () => !Rows.ContainsKey(key));
        }

        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DueGrain>> DueAsync(string stateName, DateTimeOffset now, int limit, DueGrain? after = null) =>
        Task.FromResult(Due.Page(stateName, now, limit, after, grain => Rows.TryGetValue((stateName, grain), out var row) ? row.DueAt : null));
}
