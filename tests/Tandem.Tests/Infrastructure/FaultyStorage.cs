using System.Collections.Concurrent;
using Orleans.Storage;
using Tandem.Silo.Configuration;

namespace Tandem.Tests.Infrastructure;

/// <summary>
/// In-memory grain storage that tests can make fail for chosen grains, to prove what a grain does when
/// its write does not land. Stores through Tandem's own state serializer.
/// </summary>
public sealed class FaultyStorage : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, (string ETag, BinaryData Data)> Rows = new();
    private static readonly ConcurrentDictionary<string, bool> Failing = new();
    private static readonly StateSerializer Serializer = new();

    /// <summary>Writes of every grain whose id contains <paramref name="fragment"/> fail until <see cref="Heal"/>.</summary>
    public static void FailWritesOf(string fragment) => Failing[fragment] = true;

    public static void Heal(string fragment) => Failing.TryRemove(fragment, out _);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Rows.TryGetValue(Key(stateName, grainId), out var row))
        {
            grainState.State = Serializer.Deserialize<T>(row.Data);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = Serializer.Serialize(grainState.State);
        await Task.Yield();
        var id = grainId.ToString();
        if (Failing.Keys.Any(f => id.Contains(f, StringComparison.Ordinal)))
        {
            throw new IOException("Simulated storage failure.");
        }

        var etag = Guid.NewGuid().ToString("N");
        Rows[Key(stateName, grainId)] = (etag, data);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Rows.TryRemove(Key(stateName, grainId), out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
