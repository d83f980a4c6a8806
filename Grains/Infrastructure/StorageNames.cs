namespace Tandem.Grains.Infrastructure;

/// <summary>Names of the grain storages the silo registers; grains refer to them only through these.</summary>
public static class StorageNames
{
    /// <summary>Where every Tandem grain keeps its state.</summary>
    public const string Grains = "tandem";

    /// <summary>The storage Orleans streams keep their subscriptions in (the name is fixed by Orleans).</summary>
    public const string PubSub = "PubSubStore";
}
