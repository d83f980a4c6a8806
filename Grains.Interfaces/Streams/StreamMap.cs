using System.Globalization;

namespace Tandem.Grains.Interfaces.Streams;

/// <summary>
/// Where events travel. Each namespace is split into <see cref="Partitions"/> streams; an event goes to the
/// partition its entity id hashes to, so one entity's events stay in order while load spreads over queues.
/// A consumer that wants a whole namespace subscribes to every partition once.
/// </summary>
public static class StreamMap
{
    /// <summary>Name of the stream provider (and of its queue adapter).</summary>
    public const string Provider = "tandem";

    /// <summary>Stock changes of inventory cells, by sku.</summary>
    public const string Stock = "tandem.stock";

    /// <summary>Order transitions, by order id.</summary>
    public const string Orders = "tandem.orders";

    /// <summary>Courier moves and status changes, by courier id.</summary>
    public const string Couriers = "tandem.couriers";

    /// <summary>Shopper session changes (cart, behaviour), by session id.</summary>
    public const string Sessions = "tandem.sessions";

    /// <summary>Recommendations recomputed for a session, by session id.</summary>
    public const string Recommendations = "tandem.recommendations";

    public const int Partitions = 8;

    /// <summary>The stream an entity's events are published on.</summary>
    public static StreamId For(string streamNamespace, string entityId) =>
        StreamId.Create(streamNamespace, PartitionOf(entityId).ToString(CultureInfo.InvariantCulture));

    /// <summary>Every partition of a namespace.</summary>
    public static IEnumerable<StreamId> All(string streamNamespace) =>
        Enumerable.Range(0, Partitions)
            .Select(p => StreamId.Create(streamNamespace, p.ToString(CultureInfo.InvariantCulture)));

    /// <summary>FNV-1a over the id's characters: stable across processes and runs (unlike <see cref="string.GetHashCode()"/>).</summary>
    public static int PartitionOf(string entityId)
    {
        var hash = 2166136261u;
        foreach (var c in entityId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Partitions);
    }
}
