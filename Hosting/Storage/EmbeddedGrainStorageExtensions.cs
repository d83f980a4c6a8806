using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Tandem.Hosting.Storage;

/// <summary>Registers <see cref="EmbeddedGrainStorage"/> under a storage name.</summary>
public static class EmbeddedGrainStorageExtensions
{
    /// <param name="silo">The silo (the only one: this storage is not shared between processes).</param>
    /// <param name="name">The storage name grains refer to.</param>
    /// <param name="serializer">How states become bytes.</param>
    public static ISiloBuilder AddTandemEmbeddedGrainStorage(this ISiloBuilder silo, string name, IGrainStorageSerializer serializer)
    {
        silo.Services.AddGrainStorage(name, (_, storageName) => new EmbeddedGrainStorage(storageName, serializer));
        return silo;
    }
}
