using System.Globalization;

namespace Tandem.Grains.Interfaces.Streams;

/// <summary>
/// Where events travel. Each event type names its stream namespace beside it (e.g. <c>StockChanged.StreamNamespace</c>);
/// each namespace is split into <see cref="Partitions"/> streams; an event goes to the
/// partition its entity id hashes to, so one entity's events stay in order while load spreads over queues.
/// A consumer that wants a whole namespace subscribes to every partition once.
/// </summary>
public static class StreamMap
{
    /// <summary>Name of the stream provider (and of its queue adapter).</summary>
    public const string Provider = "tandem";

    public const int Partitions = 8;

    /// <summary>The stream an entity's events are published on.</summary>
    public static StreamId For(string streamNamespace, string entityId) =>
        StreamId.Create(streamNamespace, PartitionOf(entityId).ToString(CultureInfo.InvariantCulture));

    /// <summary>Every partition of a namespace.</summary>
    public static IEnumerable<StreamId> All(string streamNamespace) =>
        Enumerable.Range(0, Partitions)
            .Select(p => StreamId.Create(streamNamespace, p.ToString(CultureInfo.InvariantCulture)));

    /// <summary>FNV-1a over the id's characters: stable across processes and runs (unlike <see cref="string.GetHashCode()"/>).</summary>
    public static int PartitionOf(string entityId) => (int)(Keys.KeyHash.Of(entityId) % Partitions);
}
