using System.Globalization;

using Orleans.Storage;

using Tandem.Grains.Infrastructure;

namespace Tandem.Hosting.Storage;

/// <summary>What Tandem's grain storages share: a version is the ETag, and how a stored state reaches its grain.</summary>
internal static class StoredStates
{
    public static string Etag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version a grain's ETag names; null when the grain expects no stored state.</summary>
    public static long? Version(string? etag, GrainId grainId, string stateName) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException($"{grainId} holds ETag '{etag}' for {stateName}, which this storage never gave out.", "unknown", etag);

    /// <summary>When a state says its grain must next be woken (<see cref="IDueState"/>), kept beside it; null for any other state.</summary>
    public static DateTimeOffset? Due<T>(T state) => state is IDueState due ? due.DueAt : null;

    /// <summary>Gives the grain what is stored: its version (none when there is no row) and its state, or a new one.</summary>
    public static void Hand<T>(IGrainState<T> grainState, long? version, byte[]? payload, IGrainStorageSerializer serializer)
    {
        grainState.ETag = version is { } v ? Etag(v) : null;
        if (payload is not null)
        {
            grainState.State = serializer.Deserialize<T>(new BinaryData(payload));
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.RecordExists = false;
        }
    }
}
