using System.Globalization;

using Tandem.Grains.Interfaces.Streams;

namespace Tandem.Grains.Interfaces.Keys;

/// <summary>
/// Key of a grain that serves one partition of a stream namespace (dispatcher, recommender, courier board): the
/// partition an entity id hashes to, as <see cref="StreamMap.PartitionOf"/> places its events.
/// </summary>
public readonly record struct StreamPartition
{
    public StreamPartition(int value) =>
        Value = value is >= 0 and < StreamMap.Partitions ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"A partition is 0–{StreamMap.Partitions - 1}.");

    public int Value { get; }

    /// <summary>The partition whose stream carries the events of <paramref name="entityId"/>.</summary>
    public static StreamPartition Of(string entityId) => new(StreamMap.PartitionOf(entityId));

    /// <summary>Every partition, in order.</summary>
    public static IEnumerable<StreamPartition> All => Enumerable.Range(0, StreamMap.Partitions).Select(p => new StreamPartition(p));

    /// <summary>The partition a grain keyed by <see cref="ToString"/> serves.</summary>
    public static StreamPartition Parse(string key) => new(int.Parse(key, NumberStyles.None, CultureInfo.InvariantCulture));

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
