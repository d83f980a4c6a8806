namespace Tandem.Grains.Infrastructure;

/// <summary>Names of the grain storages the silo registers; grains refer to them only through these.</summary>
public static class StorageNames
{
    /// <summary>
    /// Where every Tandem grain keeps its state. Must differ from the stream provider's name: Orleans looks
    /// for stream subscription storage under the stream provider's name before it falls back to <see cref="PubSub"/>.
    /// </summary>
    public const string Grains = "tandem-state";

    /// <summary>The storage Orleans streams keep their subscriptions in (the name is fixed by Orleans).</summary>
    public const string PubSub = "PubSubStore";
}
